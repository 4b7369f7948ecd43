import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/**
 * #13 item 10, measured on the channels bench (10k cases, 20k pages, letters per closed case):
 * - `pages(image_file)`: every unlock asks for pages whose image is still inline and for every
 *   page file name (PageStore.moveImagesOut / sweepFiles). The column sits behind the OCR text
 *   and words, so each was a pass over every page row and its overflow (~100-200 ms each);
 *   the index answers both from itself.
 * - `pages(case_id, kind)`: retention's due list (and Today's records alerts) counts pages per
 *   case and kind; with it the count never reads a page row.
 * - `cases(status, closed_on, status_since, id, case_no)`: the due list's candidates (final cases
 *   closed before a cutoff) and its joins to pages and the disposal register read only this index,
 *   never the wide case rows (~9k of 10k cases are closed in the bench).
 * - `letters(status, issued_at, id)`: letters issued and not yet mailed (Today,
 *   `letters.toSendCount`, `letters.overview` newest first) walk the issued letters beside
 *   `mail_items_letter` without reading letter rows, which hold the PDF (104 ms -> ~2 ms).
 */
export const m042: SchemaMigration = {
  version: 42,
  name: 'desk_speed_indexes',
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('pages_image_file').on('pages').column('image_file').execute();
    await db.schema.createIndex('pages_case_kind').on('pages').columns(['case_id', 'kind']).execute();
    await db.schema.createIndex('cases_final_closed').on('cases').columns(['status', 'closed_on', 'status_since', 'id', 'case_no']).execute();
    await db.schema.createIndex('letters_status_issued_id').on('letters').columns(['status', 'issued_at', 'id']).execute();
  },
};
