import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ADMIN, useCores, value } from '../helpers/core';
import { importAndWait } from '../helpers/imports';
import { drawPage } from '../helpers/ocr-pages';
import { useTempDirs } from '../helpers/temp-dir';
import { suggestRequestKinds } from '../../shared/domain/page-kind';
import { imagePdf, multiPageTiff } from '../unit/imaging-fixtures';

const tempDir = useTempDirs();
const makeCore = useCores();

async function desk() {
  const dataDir = tempDir();
  // The scanner folder is polled by hand here, never by its timer.
  const { core, call } = makeCore({ dataDir, ocrWorkers: 2, scannerPollMs: 3_600_000 });
  value(await call('vault.setup', ADMIN));
  const logged = value(
    await call('envelopes.log', { arrivedOn: '2026-11-20', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true }),
  );
  return { core, call, dataDir, caseId: logged.cases[0]!.id, envelopeId: logged.envelope.id, caseNo: logged.cases[0]!.caseNo };
}

describe('importing scans into a case (OCR, classification, search)', () => {
  it('stores good files page by page, reports a corrupt one, and finds the case by a word from the scan', async () => {
    const { call, caseId, envelopeId, caseNo } = await desk();
    const form = drawPage();
    const sideways = await sharp(drawPage(['運転免許証', '氏名 山田太郎', '有効期限 令和10年5月1日まで'])).rotate(90).png().toBuffer();
    const status = await importAndWait(
      call,
      [
        { name: 'application.png', bytes: form },
        { name: 'broken.jpg', bytes: Buffer.from('this is not an image at all, just text pretending') },
        { name: 'licence.png', bytes: sideways },
      ],
      { caseId, envelopeId },
    );
    expect(status.files.map((f) => f.state)).toEqual(['done', 'failed', 'done']);
    // The row names the file; the error itself does not (issue 11, finding 7).
    expect(status.files[1]).toMatchObject({ name: 'broken.jpg', error: { code: 'FILE_UNSUPPORTED', message: { ja: expect.stringContaining('このファイル') } } });
    expect(JSON.stringify(status.files[1]!.error)).not.toContain('broken');

    const pages = value(await call('pages.list', { caseId }));
    expect(pages.map((p) => [p.sourceName, p.kind, p.ocrStatus])).toEqual([
      ['application.png', 'application_form', 'done'],
      ['licence.png', 'id_document', 'done'],
    ]);
    // The sideways licence was turned upright before it was stored.
    expect(pages[1]!.height).toBeGreaterThan(pages[1]!.width);
    // Small WebP thumbnails (#15 item 6: a quarter of the PNG's bytes, kept in the row).
    expect(pages[1]!.thumbnail).toMatch(/^data:image\/webp;base64,/);
    expect(Buffer.from(pages[1]!.thumbnail.split(',')[1]!, 'base64').length).toBeLessThan(12_000);

    const hits = value(await call('search.text', { query: '丸の内一丁目' }));
    expect(hits.map((h) => h.caseNo)).toEqual([caseNo]);
    const licenceHits = value(await call('search.text', { query: '運転免許証' }));
    expect(licenceHits.length).toBeGreaterThanOrEqual(1);
  });

  it('never stores the same file twice', async () => {
    const { call, caseId } = await desk();
    const page = drawPage(['委任状', '代理人 佐藤花子']);
    const first = await importAndWait(call, [{ name: 'poa.png', bytes: page }], { caseId });
    const again = await importAndWait(call, [{ name: 'poa-copy.png', bytes: page }], { caseId });
    expect(again.files[0]).toMatchObject({ state: 'done', duplicate: true, pageIds: first.files[0]!.pageIds });
    expect(value(await call('pages.list', { caseId }))).toHaveLength(1);
  });

  it('turns, reclassifies, moves and deletes pages, each audited', async () => {
    const { call, caseId } = await desk();
    const other = value(await call('envelopes.log', { arrivedOn: '2026-11-20', delivery: 'futsu', redMarking: false })).cases[0]!;
    const status = await importAndWait(call, [{ name: 'p.png', bytes: drawPage(['定額小為替証書', '1,000円']) }], { caseId });
    const id = status.files[0]!.pageIds[0]!;
    const turned = value(await call('pages.rotate', { id, degrees: 90 }));
    expect(turned.width).toBeGreaterThan(turned.height);
    expect(value(await call('pages.setKind', { id, kind: 'other' }))).toMatchObject({ kind: 'other', kindConfirmed: true });
    value(await call('pages.move', { id, caseId: other.id }));
    expect(value(await call('pages.list', { caseId: other.id })).map((p) => p.id)).toEqual([id]);
    value(await call('pages.delete', { id }));
    expect(await call('pages.image', { id })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const actions = value(await call('audit.list', { text: id, limit: 20 })).entries.map((e) => e.action);
    // #13 item 3: deleting puts the page in the trash (purged for good later, as page.deleted).
    expect(actions).toEqual(expect.arrayContaining(['page.rotated', 'page.kind_confirmed', 'page.moved', 'page.trashed']));
  });

  it('takes files from the scanner folder once they are complete, and leaves unreadable ones there', async () => {
    const { call } = await desk();
    const folder = join(tempDir(), 'scanner');
    mkdirSync(folder);
    value(await call('settings.update', { scannerFolder: folder }));
    writeFileSync(join(folder, 'scan0001.png'), drawPage(['住民票の写し', '山田太郎']));
    writeFileSync(join(folder, 'scan0002.pdf'), Buffer.from('%PDF-1.4 truncated'));
    // First look: sizes noted; second look: unchanged, so the scanner has finished.
    expect(value(await call('scanner.poll', {})).files).toEqual([]);
    const polled = value(await call('scanner.poll', {}));
    expect(polled.files.map((f) => [f.name, f.state])).toEqual([
      ['scan0001.png', 'done'],
      ['scan0002.pdf', 'failed'],
    ]);
    expect(readdirSync(folder)).toEqual(['scan0002.pdf']);
    const inbox = value(await call('pages.list', {}));
    expect(inbox.map((p) => p.kind)).toEqual(['id_document']);
  });

  it('keeps a free-form letter as text from which the request kinds can be suggested', async () => {
    const { call, caseId } = await desk();
    const letter = drawPage(['個人情報開示請求書', '私の保有個人データの開示を請求します。', 'また第三者提供記録の開示もお願いします。', '山田太郎']);
    const status = await importAndWait(call, [{ name: 'letter.png', bytes: letter }], { caseId });
    const detail = value(await call('cases.detail', { id: caseId }));
    expect(detail.fields).toEqual([]);
    const { text } = value(await call('pages.text', { id: status.files[0]!.pageIds[0]! }));
    expect(text).toContain('第三者提供記録');
    expect(suggestRequestKinds(text).map((k) => k.kind).sort()).toEqual(['K1', 'K6']);
  });

  it('imports every page of a multi-page TIFF and of a scanned PDF, in order', async () => {
    const { call, caseId } = await desk();
    const pages = (n: number, what: string) => Array.from({ length: n }, (_, i) => drawPage([`${what} ${i + 1}ページ目`, '東京都新宿区西早稲田']));
    const tiff = await multiPageTiff(pages(3, '住民票の写し'), 1240, 1754);
    const pdf = Buffer.from(await imagePdf(pages(2, '委任状'), 150));
    const status = await importAndWait(call, [{ name: 'batch.tif', bytes: tiff }, { name: 'scanned.pdf', bytes: pdf }], { caseId });
    expect(status.files.map((f) => [f.state, f.pageIds.length])).toEqual([
      ['done', 3],
      ['done', 2],
    ]);
    const stored = value(await call('pages.list', { caseId }));
    expect(stored.map((p) => `${p.sourceName}#${p.sourcePage}`)).toEqual(['batch.tif#0', 'batch.tif#1', 'batch.tif#2', 'scanned.pdf#0', 'scanned.pdf#1']);
    expect(stored.map((p) => p.kind)).toEqual(['id_document', 'id_document', 'id_document', 'power_of_attorney', 'power_of_attorney']);
  });
});
