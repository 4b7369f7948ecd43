import { describe, expect, it } from 'vitest';
import { rasterizePdf } from '../../electron/services/imaging/pdf-raster';
import { ADMIN, useCores, value, type Call } from '../helpers/core';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { importAndWait } from '../helpers/imports';
import { COMPANY_SETTINGS } from '../helpers/letters-case';
import { drawPage } from '../helpers/ocr-pages';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

/** A K3-only case sent back as deficient (expired licence, D2) with its issued deficiency notice (R5). */
async function deficientCaseWithNotice(call: Call) {
  value(await call('vault.setup', ADMIN));
  value(await call('settings.update', COMPANY_SETTINGS));
  const logged = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true }));
  const caseId = logged.cases[0]!.id;
  const form = { ...FILLED, 'request.k1': false, 'request.k2': false, 'request.k6': false, 'request.k3': true, 'request.reason': '住所が旧住所のまま', 'enclosure.idDocument': 'license', signature: '山田 太郎' };
  value(await call('cases.setFields', { id: caseId, fields: fieldsOf(form) }));
  value(await call('cases.updateSubject', { id: caseId, name: '山田 太郎', kana: 'ヤマダ タロウ' }));
  value(await call('cases.transition', { id: caseId, to: 'checking' }));
  value(await call('documents.record', { caseId, party: 'subject', kind: 'id', type: 'drivers_license', name: '山田 太郎', address: '東京都世田谷区桜新町1丁目2番3号', birthDate: '昭和60年4月1日', validUntil: '令和8年11月19日' }));
  value(await call('cases.transition', { id: caseId, to: 'deficient', reason: '運転免許証の有効期限切れ' }));
  expect(value(await call('letters.suggest', { caseId })).map((s) => s.template)).toEqual(['deficiency']);
  const notice = value(await call('letters.create', { caseId, template: 'deficiency' }));
  value(await call('letters.issue', { id: notice.id }));
  // Not a final response: the case keeps waiting for the re-sent set.
  expect(value(await call('cases.get', { id: caseId })).status).toBe('deficient');
  return { caseId, caseNo: logged.cases[0]!.caseNo, letterId: notice.id };
}

/** The printed notice as the scanner sees it: the stored PDF drawn at 200 dpi. */
async function scannedNotice(call: Call, letterId: string): Promise<Buffer> {
  const pdf = Buffer.from(value(await call('letters.pdf', { id: letterId })).dataBase64, 'base64');
  for await (const page of rasterizePdf(pdf, { dpi: 200, maxPages: 1 })) return page.png;
  throw new Error('no page');
}

describe('returned notices find their case by the letter QR code (issue #6 item 6, I4)', () => {
  it('attaches the envelope and every page of the import to the deficient case, which goes back to checking', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 2, scannerPollMs: 3_600_000 });
    const { caseId, caseNo, letterId } = await deficientCaseWithNotice(call);

    // The re-sent set arrives: the clerk logs the envelope as usual (a new case number is made).
    const envelope = value(await call('envelopes.log', { arrivedOn: '2026-11-24', delivery: 'kan_i_kakitome', trackingNumber: '123456789024', redMarking: true }));
    const notice = await scannedNotice(call, letterId);
    const passport = drawPage(['旅券 PASSPORT', '氏名 山田 太郎', '有効期限 令和12年3月1日']);
    const status = await importAndWait(call, [{ name: 'notice.png', bytes: notice }, { name: 'passport.png', bytes: passport }], { envelopeId: envelope.envelope.id });

    expect(status.files.map((f) => f.state)).toEqual(['done', 'done']);
    // Logging the reply's envelope had made an empty case for it: removed, and the clerk told.
    const shell = envelope.cases[0]!;
    expect(status.files[0]!.attachedToCase).toEqual({ caseId, caseNo, resubmission: true, discardedCaseNos: [shell.caseNo] });
    expect(await call('cases.get', { id: shell.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(value(await call('audit.list', { action: 'case.discarded_empty' })).entries[0]!.summary).toMatchObject({ caseNo: shell.caseNo, keptCaseId: caseId });
    const pages = value(await call('pages.list', { caseId }));
    expect(pages.map((p) => p.id).sort()).toEqual([...status.files[0]!.pageIds, ...status.files[1]!.pageIds].sort());

    // I4 through intake's re-submission path: linked envelope, back to checking, list resolved.
    expect(value(await call('cases.get', { id: caseId })).status).toBe('checking');
    const detail = value(await call('cases.detail', { id: caseId }));
    expect(detail.envelopes.map((e) => e.id)).toContain(envelope.envelope.id);
    expect(value(await call('cases.deficiency', { id: caseId }))).toMatchObject({ resolvedEnvelopeId: envelope.envelope.id });
    const audit = value(await call('audit.list', { action: 'letter.returned_scanned' }));
    expect(audit.entries[0]!.summary).toMatchObject({ caseNo, letterId, resubmission: true, envelopeId: envelope.envelope.id });
  });

  it('keeps a case logged for the envelope once anything was recorded on it: a person decides', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 2, scannerPollMs: 3_600_000 });
    const { caseId, letterId } = await deficientCaseWithNotice(call);
    const envelope = value(await call('envelopes.log', { arrivedOn: '2026-11-24', delivery: 'futsu', redMarking: false }));
    const other = envelope.cases[0]!;
    value(await call('cases.addNote', { id: other.id, body: '同封物に別の請求書の可能性あり' }));
    const status = await importAndWait(call, [{ name: 'notice.png', bytes: await scannedNotice(call, letterId) }], { envelopeId: envelope.envelope.id });
    expect(status.files[0]!.attachedToCase).toMatchObject({ caseId, resubmission: true });
    expect(status.files[0]!.attachedToCase?.discardedCaseNos).toBeUndefined();
    expect(value(await call('cases.get', { id: other.id })).caseNo).toBe(other.caseNo);
  });

  it('leaves pages without a Kaiji letter QR where they were sent', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 2, scannerPollMs: 3_600_000 });
    const { caseId } = await deficientCaseWithNotice(call);
    const status = await importAndWait(call, [{ name: 'other.png', bytes: drawPage(['個人情報開示等請求書', '氏名 佐藤 花子']) }]);
    // Stored, and where it was sent (the unassigned inbox), not on the letter's case.
    expect(status.files.map((f) => f.state)).toEqual(['done']);
    expect(value(await call('pages.list', {})).map((p) => p.id)).toEqual(status.files[0]!.pageIds);
    expect(status.files[0]!.attachedToCase).toBeUndefined();
    expect(value(await call('pages.list', { caseId }))).toEqual([]);
    expect(value(await call('cases.get', { id: caseId })).status).toBe('deficient');
  });
});
