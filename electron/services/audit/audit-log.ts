import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import { dialectOf } from '../vault/migrations/dialect';
import type { Role } from '@shared/roles';
import type { AuditActor, AuditEntry, AuditPage, AuditVerification } from '@shared/contract';
import type { Database } from '../vault/schema';
import { contains } from '../vault/query';
import { officeKeysOf } from '../office/office-keys-plugin';
import { ChainVerifier, GENESIS_HASH, entryHash, type ChainRow } from './hash-chain';

export interface Actor {
  id: string | null;
  name: string | null;
  /** The signed-in user's role: the case rules (shared/domain/case-permissions.ts) check it. */
  role?: Role;
}

export interface AuditEvent {
  action: string;
  recordType?: string;
  recordId?: string;
  /** What changed or was seen; never passphrases or keys. */
  summary?: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
  text?: string;
  /** Codes whose words contain `text` (see the audit.list contract): matched as the action or in the summary. */
  codes?: string[];
  limit: number;
  offset: number;
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The advisory lock key of the audit chain on the office database (#16 item 3): any constant
 * other locks do not use (the schema upgrade's is vault/migrator.ts#SCHEMA_LOCK).
 */
export const AUDIT_CHAIN_LOCK = 0x4b4a4155; // 'KJAU'

/** Entries read per slice when the desk matches words itself (office database). */
const DESK_SCAN_SLICE = 2_000;

/**
 * Entries written during one channel call (the dispatcher runs each call in one): a call
 * that returned personal data and wrote none gets the dispatcher's `record.viewed` (S3).
 */
export const auditedCall = new AsyncLocalStorage<{ entries: number }>();

/** The append-only audit trail (S3). Appends join the caller's transaction. */
export class AuditLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async append(trx: Db, actor: Actor, event: AuditEvent): Promise<AuditEntry> {
    // Reading the head and writing the next link must not interleave with another append
    // (the renderer calls audited channels in parallel): outside a transaction, make one.
    if (!trx.isTransaction) return this.db.transaction().execute((t) => this.appendIn(t, actor, event));
    return this.appendIn(trx, actor, event);
  }

  private async appendIn(trx: Db, actor: Actor, event: AuditEvent): Promise<AuditEntry> {
    // #16 item 3: on the office database every desk appends to the one chain. The lock (held
    // to the end of the transaction) makes appends take turns, so each reads the head the last
    // one committed; the SQLite vault has one writer already.
    if (dialectOf(trx as unknown as Kysely<unknown>) === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
    const head = await trx.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
    // Past any row beyond the head, so a tampered trail never blocks new work; verify reports it.
    const last = await trx.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
    const row: Omit<ChainRow, 'hash'> = {
      seq: Math.max(head?.seq ?? 0, Number(last?.m ?? 0)) + 1,
      at: this.now().toISOString(),
      actor_id: actor.id,
      actor_name: actor.name,
      action: event.action,
      record_type: event.recordType ?? null,
      record_id: event.recordId ?? null,
      summary: JSON.stringify(event.summary ?? {}),
      prev_hash: head?.hash ?? GENESIS_HASH,
    };
    const hash = entryHash(row);
    await trx.insertInto('audit_log').values({ ...row, hash }).execute();
    if (head) {
      await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
    } else {
      await trx.insertInto('audit_head').values({ id: 1, seq: row.seq, hash }).execute();
    }
    const call = auditedCall.getStore();
    if (call) call.entries++;
    return toEntry({ ...row, hash });
  }

  async list(filter: AuditFilter): Promise<AuditPage> {
    let q = this.db.selectFrom('audit_log');
    if (filter.action) q = q.where(contains('action', filter.action));
    if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
    if (filter.from) q = q.where('at', '>=', filter.from);
    // `to` is a day: include all of it.
    if (filter.to) q = q.where('at', '<', `${filter.to}T99`);
    const codes = filter.codes ?? [];
    // #16: on an office database the summary and the actor's name are sealed; the server cannot
    // match words in them, so the desk reads the entries the plain filters leave and matches here.
    if ((filter.text || codes.length > 0) && officeKeysOf(this.db)) return this.listMatchedAtDesk(q, filter, codes);
    if (filter.text || codes.length > 0) {
      const t = filter.text;
      q = q.where((eb) =>
        eb.or([
          ...(t ? [contains('summary', t), contains('actor_name', t), contains('record_id', t)] : []),
          ...(codes.length > 0 ? [eb('action', 'in', codes)] : []),
          // A field name or a value code, as JSON writes it: "caseNo": / "ippan_kakitome".
          ...codes.map((c) => contains('summary', `"${c}"`)),
        ]),
      );
    }
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return { entries: rows.map(toEntry), total: Number(total.n) };
  }

  /**
   * `list` with words on the office database: the same matches as the SQL (`contains` is LIKE:
   * ASCII letters in either case), made over opened entries, newest first, read in slices by seq.
   */
  private async listMatchedAtDesk(
    q: SelectQueryBuilder<Database, 'audit_log', object>,
    filter: AuditFilter,
    codes: string[],
  ): Promise<AuditPage> {
    const lower = (s: string | null) => (s ?? '').toLowerCase();
    const t = filter.text ? lower(filter.text) : null;
    const quoted = codes.map((c) => lower(`"${c}"`));
    const matches = (row: ChainRow) => {
      const summary = lower(row.summary);
      if (t && (summary.includes(t) || lower(row.actor_name).includes(t) || lower(row.record_id).includes(t))) return true;
      return codes.includes(row.action) || quoted.some((c) => summary.includes(c));
    };
    const entries: AuditEntry[] = [];
    let total = 0;
    let before: number | null = null;
    for (;;) {
      const slice = before === null ? q : q.where('seq', '<', before);
      const rows = (await slice.selectAll().orderBy('seq', 'desc').limit(DESK_SCAN_SLICE).execute()) as ChainRow[];
      for (const row of rows) {
        if (!matches(row)) continue;
        if (total >= filter.offset && entries.length < filter.limit) entries.push(toEntry(row));
        total++;
      }
      if (rows.length < DESK_SCAN_SLICE) break;
      before = rows[rows.length - 1]!.seq;
    }
    return { entries, total };
  }

  /**
   * Everyone who appears in the trail, with a name recorded for them (names rarely change).
   * A skip scan over the (actor_id, actor_name) index (migration 040): two index seeks per
   * person instead of a pass over the whole trail (#13 item 10).
   */
  async actors(): Promise<AuditActor[]> {
    const out: AuditActor[] = [];
    let after: string | null = null;
    for (;;) {
      let next = this.db.selectFrom('audit_log').select('actor_id').where('actor_id', 'is not', null);
      if (after !== null) next = next.where('actor_id', '>', after);
      const row = await next.orderBy('actor_id').limit(1).executeTakeFirst();
      if (!row?.actor_id) break;
      after = row.actor_id;
      // The office database cannot compare sealed names: the latest name recorded instead.
      const named = officeKeysOf(this.db)
        ? await this.db.selectFrom('audit_log').select('actor_name as name').where('actor_id', '=', after).orderBy('seq', 'desc').limit(1).executeTakeFirst()
        : await this.db.selectFrom('audit_log').select((eb) => eb.fn.max('actor_name').as('name')).where('actor_id', '=', after).executeTakeFirst();
      out.push({ id: after, name: named?.name ?? '' });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name, 'ja'));
  }

  /** Streams the whole chain in pages so a long trail does not sit in memory at once. */
  async verify(pageSize = 5_000): Promise<AuditVerification> {
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      for (const row of rows) verifier.add(row);
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1]!.seq;
    }
    const head = await this.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    const problems = verifier.finish(head);
    return { ok: problems.length === 0, checked: verifier.checked, problems };
  }
}

function toEntry(row: ChainRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    summary: JSON.parse(row.summary) as Record<string, unknown>,
    hash: row.hash,
  };
}
