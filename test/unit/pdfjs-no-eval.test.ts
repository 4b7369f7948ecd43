import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFJS_NO_EVAL, pdfPageCount } from '../../electron/services/imaging/pdf-raster';
import { PDFDocument } from 'pdf-lib';

/**
 * Issue 11, finding 12: pdfjs parses strangers' PDFs in the main process, so it must never
 * compile PDF content into code (CVE-2024-4367 was a Function constructor fed by a font).
 */
describe('pdfjs in the main process (issue 11, finding 12)', () => {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const build = (name: string) => readFileSync(join(root, 'legacy/build', name), 'utf8');

  it('the bundled pdfjs has no Function constructor or eval left, and Kaiji asks for none', () => {
    for (const file of ['pdf.mjs', 'pdf.worker.mjs']) {
      const source = build(file);
      expect(source.length).toBeGreaterThan(100_000);
      expect({ file, found: source.match(/\bnew Function\s*\(|[^.\w$]eval\s*\(/g) ?? [] }).toEqual({ file, found: [] });
      // Were the option back (an older pdfjs), Kaiji passes it off.
      if (source.includes('isEvalSupported')) expect(PDFJS_NO_EVAL).toEqual({ isEvalSupported: false });
    }
    expect(PDFJS_NO_EVAL).toEqual({ isEvalSupported: false });
  });

  it('still opens a PDF with the option passed', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.addPage();
    expect(await pdfPageCount(await doc.save())).toBe(2);
  });
});
