import type { Kysely } from 'kysely';
import type { Assignee, CaseSummary } from '@shared/contract';
import { ASSIGNABLE_ROLES, assignmentAction, forbiddenDetails } from '@shared/domain/case-permissions';
import type { CaseState } from '@shared/domain/case-state';
import type { Role } from '@shared/roles';
import { KaijiError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import { toSummary } from '../cases/case-service';
import { auditIfDenied } from '../lifecycle/guard';
import type { Database } from '../vault/schema';
import { sortedAtDesk } from '../vault/query';

/**
 * The person in charge of a case (担当者, #13 item 2a). Administrators set, change and clear it;
 * a clerk takes an open unassigned case for themself (shared/domain/case-permissions.ts
 * assignmentAction). Each change is audited in the same transaction, with the staff names so
 * the trail reads in words (staff, not data subjects).
 */
export class AssignmentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  async assign(actor: Actor, caseId: string, assigneeId: string | null): Promise<CaseSummary> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
        if (!row) throw new KaijiError('NOT_FOUND');
        const current = row.assignee_id ?? null;
        const action = assignmentAction({ actorId: actor.id ?? '', role: actor.role, current, next: assigneeId, caseState: row.status as CaseState });
        if (!action) {
          // A clerk asking for a case someone has: say so; anything else is the role rule.
          if (actor.role === 'clerk' && current !== null && assigneeId === actor.id) throw new KaijiError('CASE_ALREADY_ASSIGNED');
          throw new KaijiError('ROLE_FORBIDS', forbiddenDetails(actor.role === 'clerk' ? 'assign_case' : 'take_case'));
        }
        const next = assigneeId ? await trx.selectFrom('staff').select(['id', 'display_name', 'role', 'status']).where('id', '=', assigneeId).executeTakeFirst() : null;
        if (assigneeId && (!next || next.status !== 'active' || !ASSIGNABLE_ROLES.includes(next.role as Role))) throw new KaijiError('ASSIGNEE_NOT_ELIGIBLE');
        const before = current ? await trx.selectFrom('staff').select('display_name').where('id', '=', current).executeTakeFirst() : null;
        if (current === assigneeId) return { ...toSummary(row), assigneeId: current, assigneeName: next?.display_name ?? null };
        const at = this.now().toISOString();
        await trx.updateTable('cases').set({ assignee_id: assigneeId, updated_at: at }).where('id', '=', caseId).execute();
        await this.audit.append(trx, actor, {
          action: action === 'take_case' ? 'case.taken' : 'case.assigned',
          recordType: 'case',
          recordId: caseId,
          summary: { caseNo: row.case_no, assignee: next?.display_name ?? null, previousAssignee: before?.display_name ?? null },
        });
        return { ...toSummary(row), assigneeId, assigneeName: next?.display_name ?? null };
      });
    } catch (error) {
      await auditIfDenied(this.db, this.audit, actor, error, { caseId });
      throw error;
    }
  }

  /** Active administrators and clerks, by name. */
  async assignees(): Promise<Assignee[]> {
    const rows = await this.db
      .selectFrom('staff')
      .select(['id', 'display_name', 'role'])
      .where('status', '=', 'active')
      .where('role', 'in', [...ASSIGNABLE_ROLES])
      .execute();
    return sortedAtDesk(rows, (r) => r.display_name, (r) => r.id).map((r) => ({ id: r.id, displayName: r.display_name, role: r.role as Role }));
  }
}
