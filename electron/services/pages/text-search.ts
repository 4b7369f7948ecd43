import type { Kysely } from 'kysely';
import type { TextHit } from '@shared/contract';
import type { AuditLog, Actor } from '../audit/audit-log';
import { searchPageText } from '../vault/fulltext';
import type { Database } from '../vault/schema';

/** Search across every recognised page (e.g. a word from a letter), with a snippet around the match. */
export class TextSearch {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
  ) {}

  async search(actor: Actor, query: string, limit = 50): Promise<TextHit[]> {
    const ids = await searchPageText(this.db, query, limit);
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('pages')
      .leftJoin('cases', 'cases.id', 'pages.case_id')
      .select(['pages.id', 'pages.case_id', 'pages.ocr_text', 'cases.case_no', 'cases.subject_name'])
      .where('pages.id', 'in', ids)
      .execute();
    await this.audit.append(this.db, actor, { action: 'page.searched', recordType: 'page', summary: { hits: rows.length } });
    return rows.map((r) => ({
      pageId: r.id,
      caseId: r.case_id,
      caseNo: r.case_no,
      subjectName: r.subject_name,
      snippet: snippet(r.ocr_text, query),
    }));
  }
}

export function snippet(text: string, query: string, around = 30): string {
  const at = text.indexOf(query.trim());
  if (at < 0) return text.slice(0, around * 2);
  const start = Math.max(0, at - around);
  return `${start > 0 ? '…' : ''}${text.slice(start, at + query.length + around)}${at + query.length + around < text.length ? '…' : ''}`;
}
