import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { StaffMember, StaffStatus } from '@shared/contract';
import { KaijiError } from '@shared/errors';
import type { Role } from '@shared/roles';
import type { AuditLog, Actor } from '../audit/audit-log';
import type { Database, StaffTable } from '../vault/schema';
import type { DeskVault } from '../vault/desk-vault';
import { assertPassphraseAcceptable } from './passphrase-policy';
import { sortedAtDesk } from '../vault/query';

export interface NewStaff {
  displayName: string;
  login: string;
  role: Role;
  passphrase: string;
}

/**
 * Staff accounts (S1). A member's row lives in the database; their way in is a key slot
 * in the vault, so every change here touches both, slot first, inside the row's transaction:
 * on an office database (#16) the slot is a row too and commits or rolls back with it; the
 * vault's slot file is undone by hand when the transaction fails.
 */
export class StaffService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: DeskVault,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  async list(): Promise<StaffMember[]> {
    const rows = await this.db
      .selectFrom('staff')
      .selectAll()
      .where('status', '!=', 'removed')
      .execute();
    return sortedAtDesk(rows, (r) => r.display_name, (r) => r.id).map(toMember);
  }

  async get(id: string): Promise<StaffMember | undefined> {
    const row = await this.db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toMember(row);
  }

  /** Inserts the first administrator during setup, inside setup's own transaction. */
  static async insertFirst(trx: Transaction<Database> | Kysely<Database>, id: string, input: Omit<NewStaff, 'passphrase'>, at: string): Promise<StaffMember> {
    const row: StaffTable = {
      id,
      login: input.login,
      display_name: input.displayName,
      role: input.role,
      status: 'active',
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('staff').values(row).execute();
    return toMember(row);
  }

  async add(actor: Actor, input: NewStaff): Promise<StaffMember> {
    assertPassphraseAcceptable(input.passphrase);
    const taken = await this.db.selectFrom('staff').select('id').where('login', '=', input.login).executeTakeFirst();
    if (taken) throw new KaijiError('LOGIN_TAKEN');
    const id = randomUUID();
    try {
      return await this.db.transaction().execute(async (trx) => {
        await this.vault.setStaffSlot(id, input.login, input.passphrase, trx);
        const member = await StaffService.insertFirst(trx, id, input, this.now().toISOString());
        // The administrator chose this passphrase: its owner changes it at first sign-in (#13 item 8).
        await this.requirePassphraseChange(trx, id);
        await this.audit.append(trx, actor, {
          action: 'staff.added',
          recordType: 'staff',
          recordId: id,
          summary: { login: input.login, displayName: input.displayName, role: input.role },
        });
        return member;
      });
    } catch (error) {
      // The office's slot went with the rolled-back transaction; the vault's file is undone here.
      if (this.vault.kind === 'vault') await this.vault.deleteStaffSlot(id);
      throw error;
    }
  }

  async setStatus(actor: Actor, id: string, status: Exclude<StaffStatus, 'removed'>): Promise<StaffMember> {
    const before = await this.requireOther(actor, id);
    if (status === 'disabled') await this.assertAnotherAdmin(before);
    return this.update(
      actor,
      id,
      { status },
      status === 'active' ? 'staff.enabled' : 'staff.disabled',
      { status: [before.status, status] },
      (trx) => this.vault.setStaffSlotEnabled(id, status === 'active', trx),
    );
  }

  async setRole(actor: Actor, id: string, role: Role): Promise<StaffMember> {
    const before = await this.requireOther(actor, id);
    if (role !== 'administrator') await this.assertAnotherAdmin(before);
    return this.update(actor, id, { role }, 'staff.role_changed', { role: [before.role, role] });
  }

  async resetPassphrase(actor: Actor, id: string, passphrase: string): Promise<void> {
    assertPassphraseAcceptable(passphrase);
    const member = await this.requireOther(actor, id);
    await this.update(actor, id, {}, 'staff.passphrase_reset', {}, async (trx) => {
      await this.vault.setStaffSlot(id, member.login, passphrase, trx);
      if (member.status === 'disabled') await this.vault.setStaffSlotEnabled(id, false, trx);
      await this.requirePassphraseChange(trx, id);
    });
  }

  /** #13 item 8: whether this person still has to replace a passphrase an administrator set. */
  async mustChangePassphrase(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('passphrase_change_required').select('staff_id').where('staff_id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  private async requirePassphraseChange(trx: Transaction<Database>, id: string): Promise<void> {
    await trx
      .insertInto('passphrase_change_required')
      .values({ staff_id: id, since: this.now().toISOString() })
      .onConflict((oc) => oc.column('staff_id').doUpdateSet({ since: this.now().toISOString() }))
      .execute();
  }

  /** Passphrase change touches only the member's own slot. */
  async changeOwnPassphrase(actor: Actor & { id: string }, current: string, next: string): Promise<void> {
    assertPassphraseAcceptable(next);
    // A change must change it: the old one may be the one an administrator set (#13 item 8).
    if (next === current) throw new KaijiError('PASSPHRASE_UNCHANGED');
    const member = await this.get(actor.id);
    if (!member) throw new KaijiError('NOT_FOUND');
    try {
      await this.vault.verifyPassphrase(actor.id, member.login, current);
    } catch (error) {
      // Finding 2: a wrong current passphrase is counted with the login's unlock failures
      // (same waits) and recorded; the passphrase itself never is.
      if (error instanceof KaijiError && (error.code === 'WRONG_PASSPHRASE' || error.code === 'TOO_MANY_ATTEMPTS')) {
        await this.audit.append(this.db, actor, {
          action: error.code === 'WRONG_PASSPHRASE' ? 'staff.passphrase_change_failed' : 'staff.passphrase_change_refused',
          recordType: 'staff',
          recordId: actor.id,
          summary: { reason: error.code === 'WRONG_PASSPHRASE' ? 'passphrase' : 'throttled', retryAfterMs: error.details?.retryAfterMs ?? 0 },
        });
      }
      throw error;
    }
    await this.update(actor, actor.id, {}, 'staff.passphrase_changed', {}, async (trx) => {
      await this.vault.setStaffSlot(actor.id, member.login, next, trx);
      await trx.deleteFrom('passphrase_change_required').where('staff_id', '=', actor.id).execute();
    });
  }

  /** Removal deletes the key slot; the row stays (as "removed") so the audit trail keeps its names. */
  async remove(actor: Actor, id: string): Promise<void> {
    const before = await this.requireOther(actor, id);
    await this.assertAnotherAdmin(before);
    await this.update(actor, id, { status: 'removed' }, 'staff.removed', { login: before.login }, (trx) => this.vault.deleteStaffSlot(id, trx));
  }

  private async update(
    actor: Actor,
    id: string,
    patch: Partial<Pick<StaffTable, 'role' | 'status'>>,
    action: string,
    summary: Record<string, unknown>,
    also?: (trx: Transaction<Database>) => Promise<void> | void,
  ): Promise<StaffMember> {
    return this.db.transaction().execute(async (trx) => {
      await also?.(trx);
      const row = await trx
        .updateTable('staff')
        // #16 item 3: every change of a member moves its version (change notices, stale views).
        .set({ ...patch, updated_at: this.now().toISOString(), version: sql<number>`version + 1` })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.append(trx, actor, { action, recordType: 'staff', recordId: id, summary });
      return toMember(row);
    });
  }

  private async requireOther(actor: Actor, id: string): Promise<StaffMember> {
    if (actor.id === id) throw new KaijiError('CANNOT_CHANGE_SELF');
    const member = await this.get(id);
    if (!member || member.status === 'removed') throw new KaijiError('NOT_FOUND');
    return member;
  }

  /** Never leave the office without an active administrator. */
  private async assertAnotherAdmin(member: StaffMember): Promise<void> {
    if (member.role !== 'administrator' || member.status !== 'active') return;
    const others = await this.db
      .selectFrom('staff')
      .select('id')
      .where('role', '=', 'administrator')
      .where('status', '=', 'active')
      .where('id', '!=', member.id)
      .execute();
    if (others.length === 0) throw new KaijiError('LAST_ADMINISTRATOR');
  }
}

function toMember(row: StaffTable): StaffMember {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role as Role,
    status: row.status as StaffStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
