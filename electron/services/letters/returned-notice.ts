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
      const discarded = await discardEmptyCases(trx, actor, audit, letter.case_id, target);
      const attached: ImportAttachment = { caseId: letter.case_id, caseNo: letter.case_no, resubmission, ...(discarded.length ? { discardedCaseNos: discarded } : {}) };
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

/** Tables whose rows make a case more than the empty shell intake creates for an envelope. */
const CASE_CONTENT = ['pages', 'case_fields', 'case_notes', 'case_documents', 'case_deficiencies', 'money_orders', 'mail_items', 'case_decisions', 'letters', 'case_status_changes'] as const;

/**
 * Logging the envelope made a new case for it before anyone knew it was a reply to our letter.
 * Such a case that is still only a shell (received, nothing in it) would be a phantom request
 * in the lists and the statistics: it is removed, audited with its number, and the clerk told.
 * A case with anything in it is left for a person to decide.
 */
async function discardEmptyCases(trx: Transaction<Database>, actor: Actor, audit: AuditLog, keepCaseId: string, target: { caseId?: string; envelopeId?: string }): Promise<string[]> {
  const candidates = new Set<string>(target.caseId ? [target.caseId] : []);
  if (target.envelopeId) {
    const linked = await trx.selectFrom('case_envelopes').select('case_id').where('envelope_id', '=', target.envelopeId).execute();
    for (const l of linked) candidates.add(l.case_id);
  }
  candidates.delete(keepCaseId);
  const discarded: string[] = [];
  for (const caseId of candidates) {
    const kase = await trx.selectFrom('cases').select(['case_no', 'status']).where('id', '=', caseId).executeTakeFirst();
    if (!kase || kase.status !== 'received') continue;
    let empty = true;
    for (const table of CASE_CONTENT) {
      const row = await trx.selectFrom(table).select('case_id').where('case_id', '=', caseId).limit(1).executeTakeFirst();
      if (row) {
        empty = false;
        break;
      }
    }
    if (!empty) continue;
    await trx.deleteFrom('case_envelopes').where('case_id', '=', caseId).execute();
    await trx.deleteFrom('cases').where('id', '=', caseId).execute();
    await audit.append(trx, actor, {
      action: 'case.discarded_empty',
      recordType: 'case',
      recordId: caseId,
      summary: { caseNo: kase.case_no, reason: 'returned_letter', keptCaseId: keepCaseId },
    });
    discarded.push(kase.case_no);
  }
  return discarded;
}
