import { randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Workspace } from '../../electron/services/core/workspace';

/**
 * Pages stored through the real page store (encrypted page file + row + search entry) without
 * the OCR pipeline: for tests and benches about storage and backups, where reading the scan is not
 * the point. Each image is greyscale noise (incompressible like a scan's detail, unique slices).
 */
export async function storePages(ws: Workspace, n: number, opts: { caseId?: string | null; width?: number; height?: number; text?: string } = {}): Promise<string[]> {
  const at = new Date().toISOString();
  const importId = randomUUID();
  const width = opts.width ?? 240;
  const height = opts.height ?? 320;
  const images = await Promise.all(
    Array.from({ length: n }, () => sharp(randomBytes(width * height), { raw: { width, height, channels: 1 } }).png().toBuffer()),
  );
  const ids: string[] = [];
  await ws.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('imports')
      .values({ id: importId, source_name: 'stored.png', source_sha256: randomBytes(32).toString('hex'), envelope_id: null, case_id: opts.caseId ?? null, status: 'done', error_code: null, page_count: n, created_by: null, created_at: at })
      .execute();
    for (const [i, png] of images.entries()) {
      const id = randomUUID();
      ids.push(id);
      await ws.pages.insert(trx, {
        id, case_id: opts.caseId ?? null, envelope_id: null, import_id: importId, source_page: i, position: i, kind: 'other', kind_confirmed: 0, auto_rotation: 0,
        width, height, image: png, thumbnail: Buffer.alloc(0), ocr_status: 'done', ocr_text: opts.text ?? `ページ ${i}`, ocr_confidence: 90, ocr_words: '[]', form_id: null, created_by: null, created_at: at,
      });
    }
  });
  return ids;
}
