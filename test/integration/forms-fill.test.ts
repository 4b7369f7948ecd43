/**
 * "Filled on a computer and printed": fill the blank form, flatten it, render it with the
 * imaging rasterizer and check the pixels a scanner would see.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALIGNMENT_MARKS, CONTENT, FIELDS, PAGE, fieldByName, type FieldName } from '../../shared/domain/application-form';
import { generateApplicationForm } from '../../electron/services/forms/application-form-pdf';
import { fillApplicationForm } from '../../electron/services/forms/fill-form';
import { COMPANY, SAMPLE } from './forms-fixture';
import { darkCentroid, grow, inkRatio, readQr, renderFirstPage, type Raster } from './forms-pixels';

let blank: Uint8Array;
let filled: Uint8Array;
let page: Raster;
let fillMs = 0;

beforeAll(async () => {
  blank = await generateApplicationForm(COMPANY);
  const t0 = performance.now();
  filled = await fillApplicationForm(blank, SAMPLE);
  fillMs = performance.now() - t0;
  page = await renderFirstPage(filled, 200);
  // For people: the rendered page, to look at (the e2e screenshots live here too).
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/forms-filled-200dpi.png', page.png);
});

const zoneOf = (name: FieldName) => fieldByName(name).zone;

describe('filled application form, rendered at 200 dpi', () => {
  it('is flattened: no fields left, values are page content', async () => {
    const doc = await PDFDocument.load(filled);
    expect(doc.getForm().getFields()).toHaveLength(0);
    expect(doc.getPageCount()).toBe(1);
    console.info(`fill + flatten: ${fillMs.toFixed(0)} ms, ${filled.length} bytes`);
  });

  it('still carries a readable QR code', async () => {
    expect(await readQr(page)).toBe('KAIJI-FORM:kaiji-appi-request:1');
  });

  it('finds the 4 alignment marks at their documented centres', () => {
    for (const m of ALIGNMENT_MARKS) {
      const c = darkCentroid(page, grow(m.zone, 14));
      expect(c, m.id).not.toBeNull();
      expect(Math.abs(c!.x - (m.zone.x + m.zone.width / 2)), m.id).toBeLessThan(0.5);
      expect(Math.abs(c!.y - (m.zone.y + m.zone.height / 2)), m.id).toBeLessThan(0.5);
      expect(inkRatio(page, m.zone, 1), m.id).toBeGreaterThan(0.97);
    }
  });

  it('shows every typed value as ink in its zone, and nothing in the zones left empty', () => {
    for (const f of FIELDS.filter((x) => x.kind === 'text' || x.kind === 'date')) {
      const ink = inkRatio(page, f.zone, 2);
      if (SAMPLE[f.name]) expect(ink, f.name).toBeGreaterThan(0.003);
      else expect(ink, f.name).toBe(0);
    }
  });

  it('draws Japanese values with real glyphs: kanji are denser than the same number of Latin letters', () => {
    // A dropped glyph draws nothing and a tofu box is a thin outline; real kanji like 髙﨑
    // carry many strokes. Compare ink per character of the name box with the e-mail box.
    const perChar = (name: FieldName) => inkRatio(page, zoneOf(name), 2) * zoneOf(name).width / String(SAMPLE[name]).replace(/\s/g, '').length;
    expect(perChar('agent.name')).toBeGreaterThan(2 * perChar('subject.accountId'));
  });

  it('ticks the chosen boxes only', () => {
    for (const f of FIELDS) {
      if (f.kind === 'checkbox') {
        const ink = inkRatio(page, f.zone, 1.5);
        if (SAMPLE[f.name] === true) expect(ink, f.name).toBeGreaterThan(0.08);
        else expect(ink, f.name).toBeLessThan(0.001);
      }
      if (f.kind === 'choice') {
        for (const o of f.options ?? []) {
          const chosen = SAMPLE[f.name] === o.value || SAMPLE[f.name] === o.label;
          const ink = inkRatio(page, o.zone, 1.5);
          if (chosen) expect(ink, `${f.name}=${o.value}`).toBeGreaterThan(0.08);
          else expect(ink, `${f.name}=${o.value}`).toBeLessThan(0.001);
        }
      }
    }
  });
});

describe('filling rules', () => {
  it('shrinks or wraps long values so they stay inside their boxes', async () => {
    const long = '東京都新宿区西早稲田二丁目20番15号 高田馬場アクセス10階 株式会社サンプル気付 個人情報保護管理者様方 山田花子';
    const pdf = await fillApplicationForm(blank, { 'subject.address': long, 'request.reason': long.repeat(4) });
    const r = await renderFirstPage(pdf, 150);
    const addr = zoneOf('subject.address');
    expect(inkRatio(r, addr, 2)).toBeGreaterThan(0.01);
    // The strip right of the content area on that row stays white.
    const margin = { x: CONTENT.x + CONTENT.width + 1, y: addr.y, width: PAGE.width - CONTENT.x - CONTENT.width - 40, height: addr.height };
    expect(inkRatio(r, margin)).toBe(0);
    const reason = zoneOf('request.reason');
    expect(inkRatio(r, { ...reason, y: reason.y + reason.height + 0.5, height: 1 })).toBeLessThan(0.35); // border only, no text below
  });

  it('accepts a choice by its export value or its Japanese label', async () => {
    const a = await renderFirstPage(await fillApplicationForm(blank, { 'applicant.type': 'statutory' }), 100);
    const b = await renderFirstPage(await fillApplicationForm(blank, { 'applicant.type': '法定代理人' }), 100);
    const box = fieldByName('applicant.type').options!.find((o) => o.value === 'statutory')!.zone;
    expect(inkRatio(a, box, 1.5)).toBeGreaterThan(0.08);
    expect(inkRatio(b, box, 1.5)).toBeGreaterThan(0.08);
  });

  it('refuses unknown fields, wrong value types and characters the font cannot draw', async () => {
    await expect(fillApplicationForm(blank, { 'subject.nickname': 'x' } as never)).rejects.toThrow(/unknown form field/);
    await expect(fillApplicationForm(blank, { 'request.k1': 'yes' })).rejects.toThrow(/true\/false/);
    await expect(fillApplicationForm(blank, { 'subject.name': true })).rejects.toThrow(/text/);
    await expect(fillApplicationForm(blank, { 'applicant.type': 'friend' })).rejects.toThrow(/not one of/);
    // An emoji would print as an empty box: refuse rather than produce a silently wrong form.
    await expect(fillApplicationForm(blank, { 'subject.name': '山田 😀' })).rejects.toThrow(/no glyph for U\+1f600/);
  });
});
