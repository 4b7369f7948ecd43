import { readIdDocument } from '@shared/domain/id-reading';
import { looksLikeRequestLetter, readLetter, type LetterWord } from '@shared/domain/letter-reading';
import type { Actor } from '../audit/audit-log';
import { REVIEW_BELOW_CONFIDENCE } from '../cases/case-file';
import type { Workspace } from '../core/workspace';

/**
 * A page that reaches its case later (from the scanner inbox, or moved) is read into that case
 * the way an import into the case reads it (issue 12 items 3 and 4): an ID copy or agent proof
 * becomes a suggested document record, a free-form letter fills the fields the case does not
 * hold yet, for review, with its source lines. Uses the stored OCR text; nothing is re-read.
 */
export async function readPageIntoCase(ws: Pick<Workspace, 'db' | 'pages' | 'documents' | 'caseFiles'>, actor: Actor, pageId: string, caseId: string): Promise<void> {
  const { text, words } = await ws.pages.text(pageId);
  const reading = readIdDocument(text);
  const letter = readLetter(words as LetterWord[]);
  const fromLetter = !reading && looksLikeRequestLetter(letter);
  if (!reading && !fromLetter) return;
  await ws.db.transaction().execute(async (trx) => {
    if (reading) await ws.documents.suggestIn(trx, actor, caseId, pageId, reading);
    if (fromLetter) {
      // Empty values are left out here, not in SQL: on an office database the value is sealed (#16).
      const held = new Set((await trx.selectFrom('case_fields').select(['field', 'value']).where('case_id', '=', caseId).execute()).filter((r) => r.value !== '').map((r) => r.field));
      const review = (c: number) => Math.min(c, REVIEW_BELOW_CONFIDENCE - 1);
      const values = [
        ...letter.fields.map((f) => ({ field: f.field, value: f.value, confidence: review(f.confidence), zone: f.line })),
        ...letter.kinds.map((k) => ({ field: `request.${k.kind.toLowerCase()}`, value: 'true', confidence: review(60), zone: k.line })),
      ].filter((v) => !held.has(v.field));
      if (values.length) await ws.caseFiles.applyRecognised(trx, actor, caseId, pageId, values);
    }
  });
}
