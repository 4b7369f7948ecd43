import { describe, expect, it } from 'vitest';
import { KaijiError, errorInfo } from '@shared/errors';
import { ADMIN, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

/**
 * Issue 11, findings 6-8 through the real dispatcher and an encrypted vault: garbage is
 * refused with typed, bilingual errors that quote nothing personal.
 */
const tempDir = useTempDirs();
const makeCore = useCores();

async function withCase() {
  const { call } = makeCore({ dataDir: tempDir() });
  value(await call('vault.setup', ADMIN));
  const logged = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', redMarking: true }));
  return { call, caseId: logged.cases[0]!.id };
}

const bilingual = { ja: expect.any(String), en: expect.any(String) };

describe('search with a NUL character (issue 11, finding 6)', () => {
  it('is a typed bilingual error, never INTERNAL', async () => {
    const { call } = await withCase();
    for (const query of ['\u0000', 'ab\u0000c', '山田\u0000太郎']) {
      expect(await call('search.text', { query })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: bilingual } });
    }
    // The same search without it works.
    expect(value(await call('search.text', { query: '山田太郎' }))).toEqual([]);
  });
});

describe('garbage is not stored (issue 11, finding 8)', () => {
  it('cases.setFields refuses unknown field names and non-dates in date fields', async () => {
    const { call, caseId } = await withCase();
    expect(await call('cases.setFields', { id: caseId, fields: [{ field: 'subject.favouriteColour', value: 'blue' }] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    for (const bad of ['not a date', '1800-01-01', '9999-12-31', '令和9年2月30日']) {
      expect(await call('cases.setFields', { id: caseId, fields: [{ field: 'subject.birthDate', value: bad }] })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_DATE', details: { field: 'fields.0.value' } },
      });
    }
    // A line break only where the form has several lines.
    expect(await call('cases.setFields', { id: caseId, fields: [{ field: 'subject.name', value: '山田\n太郎' }] })).toMatchObject({ ok: false });
    value(await call('cases.setFields', { id: caseId, fields: [{ field: 'request.target', value: '会員情報\n購入履歴' }, { field: 'subject.birthDate', value: '昭和60年4月1日' }] }));
    const detail = value(await call('cases.detail', { id: caseId }));
    expect(JSON.stringify(detail)).not.toContain('favouriteColour');
  });

  it('1800-01-01 and 9999-12-31 are refused as arrival, birth, validity and sending dates', async () => {
    const { call, caseId } = await withCase();
    for (const day of ['1800-01-01', '9999-12-31']) {
      expect(await call('envelopes.log', { arrivedOn: day, delivery: 'ippan_kakitome', redMarking: false })).toMatchObject({ error: { code: 'INVALID_DATE' } });
      expect(await call('cases.updateSubject', { id: caseId, name: '山田 太郎', birthDate: day })).toMatchObject({ error: { code: 'INVALID_DATE' } });
      expect(
        await call('documents.record', { caseId, party: 'subject', kind: 'id', type: 'passport', name: '山田 太郎', address: '東京都', validUntil: day }),
      ).toMatchObject({ error: { code: 'INVALID_DATE' } });
      expect(await call('mail.logOutbound', { caseId, method: 'ippan_kakitome', sentOn: day })).toMatchObject({ error: { code: 'INVALID_DATE' } });
    }
  });

  it('NUL, bidi overrides and lone surrogates never reach a stored name', async () => {
    const { call, caseId } = await withCase();
    for (const name of ['山田\u0000太郎', '\u202eウロタ田山', '山田\u2066太郎', '山田\ud800太郎']) {
      expect(await call('cases.updateSubject', { id: caseId, name })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', redMarking: false, senderName: name })).toMatchObject({ ok: false });
    }
    // Decomposed kana (as pasted from some systems) is stored composed (NFC).
    value(await call('cases.updateSubject', { id: caseId, name: '\u304b\u3099ろう' }));
    expect(value(await call('cases.get', { id: caseId })).subjectName).toBe('\u304cろう');
  });
});

describe('error texts carry no personal values (issue 11, finding 7)', () => {
  it('INVALID_DATE names the field, not the date typed', async () => {
    const { call, caseId } = await withCase();
    const refused = await call('documents.record', { caseId, party: 'subject', kind: 'id', type: 'passport', name: '山田 太郎', address: '東京都', birthDate: '令和9年2月30日' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_DATE', message: bilingual } });
    expect(JSON.stringify(refused)).not.toContain('令和9年2月30日');
  });

  it('TRACKING_NUMBER_INVALID does not quote the number', async () => {
    const { call } = await withCase();
    const refused = await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', trackingNumber: '123456789012', redMarking: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'TRACKING_NUMBER_INVALID', details: { expected: '3' } } });
    expect(JSON.stringify(refused)).not.toContain('123456789012');
    expect(JSON.stringify(refused)).not.toContain('1234-5678-9012');
  });

  it('FILE_* errors name no file, wherever they are made', () => {
    const file = '山田太郎_免許証.png';
    for (const code of ['FILE_EMPTY', 'FILE_CORRUPT', 'FILE_TRUNCATED', 'FILE_ENCRYPTED', 'FILE_UNSUPPORTED'] as const) {
      const thrown = new KaijiError(code, { file });
      expect(`${thrown.message} ${JSON.stringify(thrown.toInfo())}`).not.toContain('山田');
      expect(JSON.stringify(errorInfo(code, { file }))).not.toContain('山田');
    }
    const large = new KaijiError('FILE_TOO_LARGE', { file, width: 20000, height: 20000, limit: 150 }).toInfo();
    expect(large.message.ja).toContain('20000×20000');
    expect(JSON.stringify(large)).not.toContain('免許証');
  });
});
