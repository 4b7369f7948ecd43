import type { Transaction } from 'kysely';
import type { Actor, AuditLog } from '../audit/audit-log';
import type { CaseService } from '../cases/case-service';
import type { EnvelopeService } from '../intake/envelope-service';
import type { AttachResolver, ImportAttachment } from '../pages/import-service';
import type { Database } from '../vault/schema';

/**
 * Issue #6 item 6: a scanned page carrying one of our letters' QR codes (a deficiency notice
 * sent back with the re-sent set, I4/R5) takes its whole import, and the envelope it came in,
 * to that letter's case. A case waiting in `deficient` goes back to `checking` through the
 * re-submission path of intake (EnvelopeService.attachResubmission) when there is an envelope,
 * else through CaseService.setStatusIn; both resolve the stored deficiency list.
 */
export function returnedNoticeResolver(audit: AuditLog, cases: CaseService, envelopes: EnvelopeService): AttachResolver {
  return async (trx, actor, pages, target) => {
    for (const qr of pages.map((p) => p.letterQr).filter((q) => !!q)) {
      const letter = await trx
        .selectFrom('letters')
        .innerJoin('cases', 'cases.id', 'letters.case_id')
        .select(['letters.id', 'letters.case_id', 'letters.template', 'cases.case_no', 'cases.status'])
        .where('letters.id', '=', qr!.letterId)
        .where('cases.case_no', '=', qr!.caseNo)
        .where('letters.status', '=', 'issued')
        .executeTakeFirst();
      // A QR of another installation or of a draft print-out names no letter here: ignored.
      if (!letter) continue;
      const resubmission = letter.status === 'deficient';
      if (target.envelopeId) await linkEnvelope(trx, actor, envelopes, letter.case_id, target.envelopeId, resubmission);
      else if (resubmission) await cases.setStatusIn(trx, actor, letter.case_id, 'checking', '不備通知の返送を受付 / returned deficiency notice scanned (I4)');
      await audit.append(trx, actor, {
        action: 'letter.returned_scanned',
        recordType: 'case',
        recordId: letter.case_id,
        summary: { caseNo: letter.case_no, letterId: letter.id, template: letter.template, resubmission, ...(target.envelopeId ? { envelopeId: target.envelopeId } : {}), ...(target.caseId && target.caseId !== letter.case_id ? { insteadOfCaseId: target.caseId } : {}) },
      });
      const attached: ImportAttachment = { caseId: letter.case_id, caseNo: letter.case_no, resubmission };
      return attached;
    }
    return null;
  };
}

async function linkEnvelope(trx: Transaction<Database>, actor: Actor, envelopes: EnvelopeService, caseId: string, envelopeId: string, resubmission: boolean): Promise<void> {
  const linked = await trx.selectFrom('case_envelopes').select('case_id').where('case_id', '=', caseId).where('envelope_id', '=', envelopeId).executeTakeFirst();
  if (resubmission && !linked) {
    await envelopes.attachResubmission(trx, actor, envelopeId, caseId);
    return;
  }
  if (!linked) await trx.insertInto('case_envelopes').values({ case_id: caseId, envelope_id: envelopeId }).execute();
}
