// Issue 12 item 7, orientation first: a page lying any of the four ways is turned before its one
// reading, never read, turned and read again. The jobs are counted where they leave for the real
// tesseract.js workers (every message the pool posts), not guessed from time.
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../electron/services/demo/demo-people';
import { idCopyScan } from '../../electron/services/demo/demo-scans';
import { OcrPool } from '../../electron/services/ocr';
import { createScanPipeline } from '../../electron/services/pages/scan-pipeline';
import type { ProcessedPage } from '../../electron/services/pages/page-pipeline';
import { expectedTicks, realisticForm, scanForm, variantById } from '../scans/realistic-form';

interface Jobs {
  /** Whole-page readings (no rectangle). */
  pages: number;
  /** Readings of one zone (a form field). */
  zones: number;
  /** tesseract OSD runs. */
  osd: number;
}

/** Runs `f` and counts the OCR jobs posted to worker threads meanwhile. */
async function countJobs<T>(f: () => Promise<T>): Promise<{ value: T; jobs: Jobs }> {
  const jobs: Jobs = { pages: 0, zones: 0, osd: 0 };
  const original = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const m = message as { action?: string; payload?: { options?: { rectangle?: unknown } } } | null;
    if (m?.action === 'recognize') {
      if (m.payload?.options?.rectangle) jobs.zones++;
      else jobs.pages++;
    }
    if (m?.action === 'detect') jobs.osd++;
    return (original as (...a: unknown[]) => void).call(this, message, ...rest);
  };
  try {
    return { value: await f(), jobs };
  } finally {
    Worker.prototype.postMessage = original;
  }
}

/** The same image turned clockwise by `deg`, every variant encoded the same way (upright too). */
const turned = (bytes: Buffer, deg: number) => sharp(bytes).rotate(deg).withMetadata({ density: 300 }).jpeg({ quality: 90 }).toBuffer();

/** sharp's rotate(d) turns the scan by d clockwise: the pipeline must turn it back by 360 - d. */
const back = (deg: number) => (360 - deg) % 360;

describe('orientation first: every page is read once, whichever way it lay', () => {
  const pool = new OcrPool({ size: 2 });
  const pipeline = createScanPipeline(pool);
  afterAll(() => pool.terminate());

  it('an ID copy lying any of the four ways: one OSD on a small copy, then exactly one whole-page reading', async () => {
    const [person] = demoPeople(1, 12);
    const scan = await idCopyScan(person!, 'license', '2028-05-01', 3);
    const upright = await sharp(scan).metadata();
    for (const deg of [0, 90, 180, 270]) {
      const { value: pages, jobs } = await countJobs(async () => pipeline.process(await turned(scan, deg), `licence-${deg}.jpg`));
      const [page] = pages as [ProcessedPage];
      expect({ deg, jobs }).toEqual({ deg, jobs: { pages: 1, zones: 0, osd: 1 } });
      expect(page.autoRotation).toBe(back(deg));
      expect([page.width, page.height]).toEqual([upright.width, upright.height]);
      expect(page.kind).toBe('id_document');
      expect(page.ocr.text.replace(/\s/g, '')).toContain(person!.name.replace(/\s/g, ''));
      expect(page.idReading?.type).toBe('drivers_license');
    }
  });

  it("the company's form lying any of the four ways: turned by its QR code (no OSD, no whole-page reading), its marks read right", async () => {
    const form = realisticForm(7);
    const scan = (await scanForm(form, variantById('grey-300-q85'))).bytes;
    const expected = expectedTicks(form);
    let zonesUpright = -1;
    for (const deg of [0, 90, 180, 270]) {
      const { value: pages, jobs } = await countJobs(async () => pipeline.process(await turned(scan, deg), `form-${deg}.jpg`));
      const [page] = pages as [ProcessedPage];
      expect(page.autoRotation).toBe(back(deg));
      expect(page.width).toBeLessThan(page.height);
      expect(page.kind).toBe('application_form');
      // Each text zone read once: as many zone readings as for the upright page, no page reading.
      expect({ deg, pages: jobs.pages, osd: jobs.osd }).toEqual({ deg, pages: 0, osd: 0 });
      if (deg === 0) zonesUpright = jobs.zones;
      expect(jobs.zones).toBe(zonesUpright);
      expect(zonesUpright).toBeGreaterThan(5);
      const read = new Map((page.formFields ?? []).map((f) => [f.field, f.value]));
      for (const [key, ticked] of expected) {
        const [field, option] = key.split('=') as [string, string | undefined];
        const value = read.get(field);
        expect({ deg, key, ticked: option === undefined ? value === 'true' : value === option }).toEqual({ deg, key, ticked });
      }
    }
  });
});
