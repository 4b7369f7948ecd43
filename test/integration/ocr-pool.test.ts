import { readdirSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { OcrPool } from '../../electron/services/ocr';
import { KaijiError } from '../../shared/errors';
import { APPLICATION_LINES, drawPage } from '../helpers/ocr-pages';

// Real tesseract (WebAssembly) on pages drawn in the test; ~20-40 s on 2 busy cores.
describe('OcrPool', () => {
  const pool = new OcrPool({ size: 2 });
  const page = drawPage();
  afterAll(() => pool.terminate());

  it('reads a Japanese application page, normalised', async () => {
    const progress: number[] = [];
    const r = await pool.recognize(page, { onProgress: (p) => progress.push(p) });
    for (const phrase of ['個人情報開示等請求書', '山田太郎', '令和8年11月24日', '昭和60年4月1日', '定額小為替', 'Application for Disclosure']) {
      expect(r.text).toContain(phrase);
    }
    expect(r.rawText).toMatch(/[一-龯] [一-龯]/); // tesseract's spaces, before normalisation
    expect(r.confidence).toBeGreaterThan(70);
    expect(r.words.length).toBeGreaterThan(20);
    expect(r.words.every((w) => w.bbox.x1 > w.bbox.x0 && w.bbox.y1 > w.bbox.y0)).toBe(true);
    expect(progress.length).toBeGreaterThan(0);
    expect(Math.max(...progress)).toBeLessThanOrEqual(1);
  });

  it('reads one zone of the page, with word boxes in page coordinates', async () => {
    // line 2 (氏名 山田太郎) is drawn at y = 140 + 2 * 80
    const rectangle = { left: 100, top: 290, width: 600, height: 70 };
    const r = await pool.recognize(page, { rectangle });
    // The space written between label and name is kept (U+3000 between Japanese words, issue 12).
    expect(r.text).toBe('氏名\u3000山田太郎');
    for (const w of r.words) {
      expect(w.bbox.y0).toBeGreaterThanOrEqual(rectangle.top);
      expect(w.bbox.y1).toBeLessThanOrEqual(rectangle.top + rectangle.height);
    }
  });

  it('reads English only when asked', async () => {
    const rectangle = { left: 100, top: 770, width: 1100, height: 70 };
    const r = await pool.recognize(page, { rectangle, lang: 'eng' });
    expect(r.text).toBe(APPLICATION_LINES[8]);
  });

  it.each([0, 90, 180, 270])('finds the orientation of a page turned %i degrees', async (turned) => {
    const png = await sharp(page).rotate(turned).png().toBuffer();
    const o = await pool.detectOrientation(png);
    expect((turned + o.degrees) % 360).toBe(0);
    expect(o.confidence).toBeGreaterThan(0);
  });

  it('falls back to recognition at 4 rotations when OSD sees too little text', async () => {
    const sparse = await sharp(drawPage(['氏名 山田太郎'])).rotate(90).png().toBuffer();
    expect(await pool.detectOrientation(sparse)).toMatchObject({ degrees: 270, method: 'recognition' });
  });

  it('turns a corrupt image into OCR_FAILED and keeps working', async () => {
    const bad = [Buffer.from('not an image'), page.subarray(0, page.length / 3), Buffer.alloc(0)];
    for (const png of bad) {
      const e = await pool.recognize(png).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(KaijiError);
      expect((e as KaijiError).code).toBe('OCR_FAILED');
    }
    await expect(pool.detectOrientation(bad[0]!)).rejects.toMatchObject({ code: 'OCR_FAILED' });
    expect((await pool.recognize(page, { rectangle: { left: 100, top: 290, width: 600, height: 70 } })).text).toBe('氏名\u3000山田太郎');
  });

  it('recognises 4 pages on 2 workers, 2 at a time', async () => {
    const ids = ['2026-0011', '2026-0012', '2026-0013', '2026-0014'];
    const pages = ids.map((id) => drawPage([...APPLICATION_LINES, `受付番号 ${id}`]));
    // both workers started, so that recognition (not a worker's start) decides the overlap
    const zone = { rectangle: { left: 100, top: 290, width: 600, height: 70 } };
    await Promise.all([pool.recognize(page, zone), pool.recognize(page, zone)]);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      pages.map(async (png) => {
        let started = false;
        const r = await pool.recognize(png, {
          onProgress: () => {
            if (!started) (started = true), (active += 1), (peak = Math.max(peak, active));
          },
        });
        active -= 1;
        return r.text;
      }),
    );
    ids.forEach((id, i) => expect(results[i]).toContain(`受付番号${id}`));
    expect(peak).toBe(2);
  });

  it('leaves no language data in the working directory (cacheMethod none)', () => {
    expect(readdirSync(process.cwd()).filter((f) => f.includes('traineddata'))).toEqual([]);
  });
});
