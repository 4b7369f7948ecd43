/**
 * Issue #10 item 8 (R5): the reason the administrator typed when marking the case deficient
 * is printed verbatim on the deficiency notice, after the list the checklist generated, in
 * Japanese and English. Through the dispatcher over a real vault; the OCR read-back of the
 * rendered notice with a reason is in letters-render.test.ts (deficiency fixture).
 */
import { describe, expect, it } from 'vitest';
import { draftText } from '../../shared/domain/letters';
import { ADMIN, useCores, value } from '../helpers/core';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { COMPANY_SETTINGS } from '../helpers/letters-case';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

const REASON = '同封の委任状に代理人の押印がありません。\n押印のうえ、あらためてご送付ください。';

async function deficientCase(reason: string) {
  const { call } = makeCore({ dataDir: tempDir() });
  value(await call('vault.setup', ADMIN));
  value(await call('settings.update', COMPANY_SETTINGS));
  const caseId = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true })).cases[0]!.id;
  const form = { ...FILLED, 'request.k1': false, 'request.k2': false, 'request.k6': false, 'request.k3': true, 'request.reason': '住所が旧住所のまま', 'enclosure.idDocument': 'license', signature: '山田 太郎' };
  value(await call('cases.setFields', { id: caseId, fields: fieldsOf(form) }));
  value(await call('cases.updateSubject', { id: caseId, name: '山田 太郎', kana: 'ヤマダ タロウ' }));
  value(await call('cases.transition', { id: caseId, to: 'checking' }));
  // D2: a licence that expired before the application date, so the checklist generates an item.
  value(await call('documents.record', { caseId, party: 'subject', kind: 'id', type: 'drivers_license', name: '山田 太郎', address: '東京都世田谷区桜新町1丁目2番3号', birthDate: '昭和60年4月1日', validUntil: '令和8年11月19日' }));
  value(await call('cases.transition', { id: caseId, to: 'deficient', reason }));
  return { call, caseId };
}

describe('the deficiency notice carries the administrator’s own reason (R5, #10 item 8)', () => {
  it.each(['ja', 'en'] as const)('%s: generated list first, then the reason verbatim; issued as written', async (lang) => {
    const { call, caseId } = await deficientCase(REASON);
    const generated = value(await call('cases.deficiency', { id: caseId }))!.notice.problems;
    expect(generated.length).toBeGreaterThan(0);
    const letter = value(await call('letters.create', { caseId, template: 'deficiency', lang }));
    const items = letter.draft.sections[0]!.items;
    expect(items).toHaveLength(generated.length + 1);
    generated.forEach((p, i) => expect(items[i]).toContain(p[lang]));
    expect(items.at(-1)!.endsWith(REASON)).toBe(true);
    // Before section 2 (what to send): the reason belongs to what was wrong.
    expect(draftText(letter.draft).indexOf(REASON)).toBeLessThan(draftText(letter.draft).indexOf(letter.draft.sections[1]!.heading));
    const issued = value(await call('letters.issue', { id: letter.id }));
    expect(issued.status).toBe('issued');
    expect(issued.draft.sections[0]!.items.at(-1)).toBe(items.at(-1));
  });

  it('a reason-only deficiency (nothing generated) prints the reason once', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    value(await call('vault.setup', ADMIN));
    value(await call('settings.update', COMPANY_SETTINGS));
    const caseId = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true })).cases[0]!.id;
    const form = { ...FILLED, 'request.k1': false, 'request.k2': false, 'request.k6': false, 'request.k3': true, 'request.reason': '住所が旧住所のまま', 'enclosure.idDocument': 'passport', signature: '山田 太郎' };
    value(await call('cases.setFields', { id: caseId, fields: fieldsOf(form) }));
    value(await call('cases.transition', { id: caseId, to: 'checking' }));
    value(await call('documents.record', { caseId, party: 'subject', kind: 'id', type: 'passport', name: '山田 太郎', address: '東京都世田谷区桜新町1丁目2番3号', birthDate: '昭和60年4月1日', validUntil: 'R12.3.1' }));
    value(await call('cases.transition', { id: caseId, to: 'deficient', reason: '請求書の押印が不鮮明' }));
    const letter = value(await call('letters.create', { caseId, template: 'deficiency' }));
    expect(letter.draft.sections[0]!.items).toEqual(['・請求書の押印が不鮮明']);
    expect(draftText(letter.draft).split('請求書の押印が不鮮明')).toHaveLength(2);
  });
});
