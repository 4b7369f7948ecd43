/**
 * A draft as flow blocks, in the order a Japanese business letter reads:
 *   拝啓 … (body) … 敬具 / 記 / 1 heading, items … / notes / 以上
 * English: Dear … (body) / headings, items / notes / Yours sincerely, signature.
 */
import type { LetterCompany, LetterDraft } from '../../../../shared/domain/letters';
import type { FlowBlock } from './flow';

export const BODY_SIZE = 10.5;
export const TITLE_SIZE = 15;

const nonEmpty = (s: string) => s.trim() !== '';

export function letterBlocks(draft: LetterDraft, sender: LetterCompany): FlowBlock[] {
  const ja = draft.lang === 'ja';
  const em = BODY_SIZE;
  const para = (text: string, gapBefore = 0): FlowBlock => ({
    // Japanese paragraphs start one full-width space in (字下げ), unless staff already put one.
    text: ja && !/^[\u3000 ]/.test(text) ? `\u3000${text}` : text,
    size: BODY_SIZE,
    align: 'left',
    indent: 0,
    gapBefore,
  });
  const plain = (text: string, align: FlowBlock['align'], gapBefore: number): FlowBlock => ({ text, size: BODY_SIZE, align, indent: 0, gapBefore });
  const out: FlowBlock[] = [];
  if (nonEmpty(draft.salutation)) out.push(plain(draft.salutation, 'left', 0));
  for (const b of draft.body.filter(nonEmpty)) out.push(para(b, ja ? 0 : em * 0.6));
  if (ja && nonEmpty(draft.complimentaryClose)) out.push({ ...plain(draft.complimentaryClose, 'right', 0), keepWithPrevious: true });
  if (nonEmpty(draft.itemsMarker)) out.push({ ...plain(draft.itemsMarker, 'center', em), keepWithNext: true });
  for (const s of draft.sections) {
    if (nonEmpty(s.heading)) out.push({ ...plain(s.heading, 'left', em * 0.5), keepWithNext: s.items.length > 0 });
    for (const item of s.items.filter(nonEmpty)) out.push({ text: item, size: BODY_SIZE, align: 'left', indent: ja ? em : em * 1.4, gapBefore: 0, hanging: true });
  }
  draft.notes.filter(nonEmpty).forEach((n, i) => out.push(para(n, i === 0 ? em : ja ? 0 : em * 0.6)));
  if (!ja && nonEmpty(draft.complimentaryClose)) {
    out.push(plain(draft.complimentaryClose, 'left', em));
    out.push(plain(sender.administratorTitle, 'left', em * 1.5));
    out.push(plain(sender.name, 'left', 0));
  }
  if (nonEmpty(draft.closing)) out.push({ ...plain(draft.closing, 'right', em * 0.5), keepWithPrevious: true });
  return out;
}
