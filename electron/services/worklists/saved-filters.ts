import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SavedFilter } from '@shared/contract';
import { caseListFilter } from '@shared/contract/channels/worklists';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { Database } from '../vault/schema';
import { sortedAtDesk } from '../vault/query';

/**
 * Filters a staff member named and saved for a list (#13 item 1), one set per person: nobody
 * sees or deletes another's. The name is the person's own words and stays out of the audit
 * summary; the filter is stored as JSON and checked by the contract's schema when read back.
 */
export class SavedFilterService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  async list(actor: Actor, list: 'cases'): Promise<SavedFilter[]> {
    const rows = await this.db.selectFrom('saved_filters').selectAll().where('staff_id', '=', owner(actor)).where('list', '=', list).execute();
    return sortedAtDesk(rows, (r) => r.name, (r) => r.id).flatMap((r) => {
      const parsed = caseListFilter.safeParse(JSON.parse(r.filter));
      return parsed.success ? [{ id: r.id, list, name: r.name, filter: parsed.data, createdAt: r.created_at }] : [];
    });
  }

  async save(actor: Actor, input: { list: 'cases'; name: string; filter: SavedFilter['filter'] }): Promise<SavedFilter> {
    const staffId = owner(actor);
    return this.db.transaction().execute(async (trx) => {
      const at = this.now().toISOString();
      // Matched at the desk: the name is sealed on the office database, where equality on it is
      // refused (random sealing); one person's filters are few.
      const mine = await trx.selectFrom('saved_filters').select(['id', 'name']).where('staff_id', '=', staffId).where('list', '=', input.list).execute();
      const existing = mine.find((f) => f.name === input.name);
      const id = existing?.id ?? randomUUID();
      const filter = JSON.stringify(input.filter);
      // #16 item 3: an overwrite moves the version (change notices to the owner's other windows).
      if (existing) await trx.updateTable('saved_filters').set({ filter, created_at: at, version: sql<number>`version + 1` }).where('id', '=', id).execute();
      else await trx.insertInto('saved_filters').values({ id, staff_id: staffId, list: input.list, name: input.name, filter, created_at: at }).execute();
      await this.audit.append(trx, actor, { action: 'saved_filter.saved', recordType: 'saved_filter', recordId: id, summary: { list: input.list, replaced: !!existing } });
      return { id, list: input.list, name: input.name, filter: input.filter, createdAt: at };
    });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('saved_filters').select(['id', 'list']).where('id', '=', id).where('staff_id', '=', owner(actor)).executeTakeFirst();
      // Another person's filter is as good as missing: ids say nothing about who saved what.
      if (!row) throw new KaijiError('NOT_FOUND');
      await trx.deleteFrom('saved_filters').where('id', '=', id).execute();
      await this.audit.append(trx, actor, { action: 'saved_filter.deleted', recordType: 'saved_filter', recordId: id, summary: { list: row.list } });
    });
  }
}

function owner(actor: Actor): string {
  if (!actor.id) throw new KaijiError('FORBIDDEN');
  return actor.id;
}
