/**
 * The strongest check that Japanese really renders: OCR reads the printed labels and the
 * typed values back from a 300 dpi rendering, zone by zone (as intake will read scans).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELDS, fieldByName, type FieldName, type Zone } from '../../shared/domain/application-form';
import { generateApplicationForm } from '../../electron/services/forms/application-form-pdf';
import { fillApplicationForm } from '../../electron/services/forms/fill-form';
import { OcrPool } from '../../electron/services/ocr';
import { COMPANY, SAMPLE } from './forms-fixture';
import { renderFirstPage, type Raster } from './forms-pixels';

const DPI = 300;
let pool: OcrPool;
let page: Raster;

beforeAll(async () => {
  pool = new OcrPool({ size: 2 });
  page = await renderFirstPage(await fillApplicationForm(await generateApplicationForm(COMPANY), SAMPLE), DPI);
});
afterAll(() => pool?.terminate());

/** OCR text of a zone, spaces removed (tesseract spaces out Japanese). */
async function read(zone: Zone, insetPt = 1.5): Promise<string> {
  const k = DPI / 72;
  const rectangle = {
    left: Math.round((zone.x + insetPt) * k),
    top: Math.round((zone.y + insetPt) * k),
    width: Math.round((zone.width - 2 * insetPt) * k),
    height: Math.round((zone.height - 2 * insetPt) * k),
  };
  const { text } = await pool.recognize(page.png, { rectangle });
  return text.replace(/\s+/g, '');
}

describe('filled form read back by OCR (300 dpi)', () => {
  it.each<[FieldName, string]>([
    ['subject.name', '山田花子'],
    ['subject.address', '東京都新宿区西早稲田'],
    ['subject.phone', '090-1234-5678'],
    ['application.date', '令和8年11月24日'],
  ])('reads the value of %s', async (name, expected) => {
    expect(await read(fieldByName(name).zone)).toContain(expected);
  });

  it('reads IBM-extension kanji in a name (髙﨑; OCR may fold them to 高崎)', async () => {
    expect(await read(fieldByName('agent.name').zone)).toMatch(/[髙高][﨑崎]一郎/);
  });

  it.each<[FieldName, string]>([
    ['subject.name', '氏名'],
    ['subject.address', '住所'],
    ['request.target', '対象となる情報'],
  ])('reads the printed label of %s', async (name, expected) => {
    const f = FIELDS.find((x) => x.name === name)!;
    // The Japanese line of the label cell only.
    expect(await read({ ...f.labelZone, height: 12 }, 0.5)).toContain(expected);
  });
});
