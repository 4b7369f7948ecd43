import type { Kysely } from 'kysely';
import type { CaseSummary } from '@shared/contract';
import type { Role } from '@shared/roles';
import { validateRepeatRefusal, type EarlierCase } from '@shared/domain/verification/repeat-requests';
import { KaijiError } from '@shared/errors';
import type { Actor } from '../audit/audit-log';
import type { CaseService } from '../cases/case-service';
import type { Database } from '../vault/schema';
import type { ChecklistService } from './checklist-service';

/**
 * R3 / seed Art. 10: refusing a request as repeated. Only an administrator, with a written
 * reason, naming earlier requests of the same person that fall in the configured period (the
 * same ones the checklist's R3 line lists). The refusal is stored with ground 'repeated'.
 */
export class RepeatRefusalService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cases: CaseService,
    private readonly checklists: ChecklistService,
  ) {}

  async refuse(actor: Actor, role: Role, caseId: string, reason: string, earlierCaseNos: readonly string[]): Promise<CaseSummary> {
    return this.db.transaction().execute(async (trx) => {
      const { checklist } = await this.checklists.compute(caseId, trx);
      const r3 = checklist.results.find((r) => r.ruleId === 'R3');
      const within = ((r3?.details?.cases as EarlierCase[] | undefined) ?? []).slice();
      const check = validateRepeatRefusal({ decidedByRole: role, reason, earlierCaseNos }, within);
      if (!check.ok) {
        if (role !== 'administrator') throw new KaijiError('FORBIDDEN');
        throw new KaijiError('REPEAT_REFUSAL_INVALID', {
          problemsJa: check.errors.map((e) => e.ja).join(' '),
          problemsEn: check.errors.map((e) => e.en).join(' '),
        });
      }
      return this.cases.setStatusIn(trx, actor, caseId, 'refused', reason.trim(), { ground: 'repeated', earlierCaseNos: [...earlierCaseNos], manual: true });
    });
  }
}
