/**
 * D6 through the services: an insurance card copy is imported (real OCR), the suggested
 * rectangles are burned into the stored page, and afterwards neither the decrypted image nor
 * the page's text, words or search index hold the numbers.
 */
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { demoPeople } from '../../electron/services/demo/demo-people';
import { DEMO_INSURANCE_NUMBERS, insuranceCardScan } from '../../electron/services/demo/demo-verification';
import { maskedPixelsClean } from '../../electron/services/imaging';
import { searchPageText } from '../../electron/services/vault/fulltext';
import { ADMIN, useCores, value } from '../helpers/core';
import { importAndWait } from '../helpers/imports';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();
const person = demoPeople(1)[0]!;
const digitsOnly = (s: string) => s.normalize('NFKC').replace(/[^0-9]/g, '');
/** The digits of the stored OCR words' text (not of their JSON, whose coordinates are digits too). */
const wordDigits = (json: string) => digitsOnly((JSON.parse(json) as { text: string }[]).map((w) => w.text).join(''));

describe('masking a stored page (D6)', () => {
  it('burns the suggested rectangles in, drops the numbers from the OCR text and search, and audits it', async () => {
    const { core, call } = makeCore({ dataDir: tempDir(), ocrWorkers: 1 });
    value(await call('vault.setup', ADMIN));
    const logged = value(await call('envelopes.log', { arrivedOn: '2026-11-20', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true }));
    const caseId = logged.cases[0]!.id;
    await importAndWait(call, [{ name: 'insurance.jpg', bytes: await insuranceCardScan(person, '2028-03-31') }], { caseId, envelopeId: logged.envelope.id });
    const [page] = value(await call('pages.list', { caseId }));
    const db = core.requireSession().ws.db;
    const before = await db.selectFrom('pages').select(['ocr_text', 'ocr_words', 'thumbnail', 'image_file']).where('id', '=', page!.id).executeTakeFirstOrThrow();
    const files = core.requireSession().ws.pages.files;
    expect(existsSync(files.path(before.image_file!))).toBe(true);
    // OCR read the numbers: this is what masking must take away.
    expect(digitsOnly(before.ocr_text)).toContain(DEMO_INSURANCE_NUMBERS.insurer);
    expect(wordDigits(before.ocr_words)).toContain(DEMO_INSURANCE_NUMBERS.insurer);
    expect(await searchPageText(db, DEMO_INSURANCE_NUMBERS.insurer, 10)).toEqual([page!.id]);

    const suggested = value(await call('pages.maskSuggestions', { id: page!.id }));
    expect(suggested.length).toBeGreaterThanOrEqual(3);
    expect(suggested.map((s) => s.reason.en).join(' ')).toMatch(/Insurer number/);
    const rects = suggested.map(({ x, y, width, height }) => ({ x, y, width, height }));

    // A rectangle outside the page is refused, and nothing changes.
    expect(await call('pages.mask', { id: page!.id, rects: [{ x: page!.width - 5, y: 0, width: 10, height: 10 }] })).toMatchObject({ ok: false, error: { code: 'MASK_OUTSIDE_PAGE' } });

    const masked = value(await call('pages.mask', { id: page!.id, rects }));
    expect(masked.id).toBe(page!.id);

    // The stored (decrypted) image: every masked pixel is solid black, the rest is still there.
    const after = await db.selectFrom('pages').select(['image_file', 'thumbnail', 'ocr_text', 'ocr_words', 'width', 'height']).where('id', '=', page!.id).executeTakeFirstOrThrow();
    const image = (await core.requireSession().ws.pages.imageForProcessing(page!.id)).png;
    expect(await maskedPixelsClean(image, rects)).toBe(true);
    // The unmasked image was in its own page file (#15 item 6): that file is gone, a new one holds the masked page.
    expect(after.image_file).not.toBe(before.image_file);
    expect(existsSync(files.path(before.image_file!))).toBe(false);
    expect(files.list()).toEqual([after.image_file]);
    const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([page!.width, page!.height]);
    const r = rects[0]!;
    expect(data[(r.y + Math.floor(r.height / 2)) * info.width + r.x + Math.floor(r.width / 2)]).toBe(0);
    expect(data[10 * info.width + 10]).toBeGreaterThan(200); // the white margin is untouched
    expect(Buffer.compare(Buffer.from(after.thumbnail), Buffer.from(before.thumbnail))).not.toBe(0);

    // The numbers are gone from the text, the words and the search index; the rest stays.
    for (const n of Object.values(DEMO_INSURANCE_NUMBERS)) {
      expect(digitsOnly(after.ocr_text)).not.toContain(n);
      expect(wordDigits(after.ocr_words)).not.toContain(n);
      expect(await searchPageText(db, n, 10)).toEqual([]);
    }
    expect(after.ocr_text).toContain('被保険者証');
    expect(value(await call('pages.text', { id: page!.id })).text).not.toContain(DEMO_INSURANCE_NUMBERS.insurer);
    expect(value(await call('search.text', { query: '被保険者証' })).length).toBe(1);

    // Recorded and audited, with no number in the audit trail.
    const history = value(await call('pages.masks', { id: page!.id }));
    expect(history).toHaveLength(1);
    expect(history[0]!.rects).toEqual(rects);
    const audit = value(await call('audit.list', { action: 'page.masked' }));
    expect(audit.total).toBe(1);
    const summary = JSON.stringify(audit.entries[0]!.summary);
    for (const n of Object.values(DEMO_INSURANCE_NUMBERS)) expect(summary).not.toContain(n);
  });
});
