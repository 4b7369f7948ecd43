/**
 * Contacts (I1, issue #10 item 9) through the real dispatcher over a real encrypted vault:
 * a request by phone is logged, answered with a guidance letter that is rendered to PDF (the
 * letters renderer + the company's form), read back by OCR, counted on Today until mailed;
 * roles (S1), typed errors for bad inputs, audit entries without personal values (S3).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { FORM_QR_PAYLOAD } from '../../shared/domain/application-form';
import { parseLetterQr } from '../../shared/domain/letters';
import { OcrPool } from '../../electron/services/ocr';
import { MM, QR_ZONE } from '../../electron/services/letters/render';
import { ADMIN, useCores, value, type Call, addStaffSignedInOnce } from '../helpers/core';
import { COMPANY_SETTINGS } from '../helpers/letters-case';
import { filesContaining, listFiles } from '../helpers/scan';
import { useTempDirs } from '../helpers/temp-dir';
import { grow, readQr, renderPages, squash, whiteOut } from './letters-pixels';

const tempDir = useTempDirs();
const makeCore = useCores();

const CLERK = { displayName: '事務 次郎', login: 'jiro', role: 'clerk' as const, passphrase: 'another long passphrase 42' };
const AUDITOR = { displayName: '監査 三郎', login: 'saburo', role: 'auditor' as const, passphrase: 'auditor long passphrase 7' };

/** What the clerk took down on the phone. */
const PHONE = {
  channel: 'phone' as const,
  contactedOn: '2026-12-01',
  contactedTime: '10:15',
  name: '佐藤 恵子',
  postalCode: '154-0015',
  address: '東京都世田谷区桜新町1丁目2番3号',
  contactDetail: '090-1234-5678',
  requestedKinds: ['K1' as const, 'K3' as const],
  requestNote: '登録されている住所と購入履歴を知りたい',
};
const PERSONAL = [PHONE.name, '佐藤', PHONE.address, '桜新町', PHONE.contactDetail, PHONE.requestNote, '154-0015'];

/** A vault at 10:00 Japan time on `day` (the clock can move), company settings filled, a clerk and an auditor. */
async function vault(day = '2026-12-01') {
  const clock = { t: Date.parse(`${day}T01:00:00Z`) };
  const dataDir = tempDir();
  const { core, call } = makeCore({ dataDir, now: () => clock.t });
  value(await call('vault.setup', ADMIN));
  value(await call('settings.update', COMPANY_SETTINGS));
  await addStaffSignedInOnce(call, CLERK);
  await addStaffSignedInOnce(call, AUDITOR);
  const as = async (who: { login: string; passphrase: string }) => value(await call('vault.unlock', { login: who.login, passphrase: who.passphrase }));
  const setDay = (d: string) => {
    clock.t = Date.parse(`${d}T01:00:00Z`);
  };
  return { core, call, as, setDay, dataDir };
}

async function owed(call: Call) {
  return value(await call('today.overview', {})).guidanceOwed;
}

let pool: OcrPool;
beforeAll(() => {
  // Two workers: the letter's two pages are read side by side.
  pool = new OcrPool({ size: 2 });
});
afterAll(() => pool?.terminate());

describe('a request by phone is answered with a guidance letter (I1)', () => {
  it('logs the contact, issues the letter with the form enclosed, reads it back by OCR, and leaves Today once mailed', async () => {
    const { core, call, as, setDay } = await vault();
    await as(CLERK);
    const logged = value(await call('contacts.log', PHONE));
    expect(logged).toMatchObject({ contactNo: 'C2026-0001', channel: 'phone', guidanceState: 'owed', letterState: 'none', requestedKinds: ['K1', 'K3'], name: PHONE.name });
    expect((await owed(call)).items).toEqual([expect.objectContaining({ contactId: logged.id, contactNo: 'C2026-0001', letterState: 'none', daysWaiting: 0 })]);

    const drafted = value(await call('contacts.composeGuidance', { id: logged.id }));
    expect(drafted.letter).toMatchObject({ status: 'draft', lang: 'ja', recipient: { name: PHONE.name, postalCode: PHONE.postalCode, honorific: '様' } });
    // A clerk may correct the wording before issuing; the change is what gets printed.
    const draft = drafted.letter!.draft;
    const { templateId: _t, lang: _l, ...text } = draft;
    const edited = value(await call('contacts.updateGuidance', { id: logged.id, draft: { ...text, notes: [...text.notes, 'お電話ありがとうございました。'] } }));
    expect(edited.letter!.draft.notes.at(-1)).toBe('お電話ありがとうございました。');
    expect(edited.letter!.draft.templateId).toBe('guidance');
    const preview = value(await call('contacts.previewGuidance', { id: logged.id, dpi: 40 }));
    expect(preview.draft).toBe(true);
    expect(preview.pageCount).toBeGreaterThanOrEqual(2);

    setDay('2026-12-03');
    expect((await owed(call)).items[0]).toMatchObject({ letterState: 'draft', daysWaiting: 2 });
    const issued = value(await call('contacts.issueGuidance', { id: logged.id }));
    expect(issued.letter).toMatchObject({ status: 'issued', issuedOn: '2026-12-03' });
    expect((await owed(call)).items[0]).toMatchObject({ letterState: 'issued' });

    // The stored PDF is what the audit trail's hash names.
    const file = value(await call('contacts.guidancePdf', { id: logged.id }));
    const pdf = Buffer.from(file.dataBase64, 'base64');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(issued.letter!.sha256);

    // Read back: letter page 1 by OCR (dropped glyphs show here, not in text extraction);
    // the last page is the company's form, known by its own QR code (I3).
    const pages = await renderPages(pdf, 300);
    expect(pages).toHaveLength(issued.letter!.pageCount!);
    const letterQr = parseLetterQr((await readQr(pages[0]!))!);
    expect(letterQr).toEqual({ caseNo: 'C2026-0001', letterId: issued.letter!.id });
    expect(await readQr(pages.at(-1)!)).toBe(FORM_QR_PAYLOAD);
    const read = (await Promise.all(pages.slice(0, -1).map(async (p) => squash((await pool.recognize(await whiteOut(p, [grow(QR_ZONE, 2 * MM)]), { lang: 'jpn+eng' })).text)))).join('\n');
    for (const phrase of ['個人情報の開示等のご請求手続きについて', '佐藤恵子様', '令和8年12月1日', 'お電話にて', '個人情報開示等請求書', '本人確認書類の写し', '定額小為替', '000円を申し受けます', '第三者提供記録の開示', '開示等請求書在中', '配達証明付きの書留郵便', '西早稲田', 'C2026-0001', '同封書類', 'お電話ありがとうございました']) {
      expect(read, phrase).toContain(phrase);
    }

    // Frozen: no edit, no recomposing, no change even by SQL (the triggers of migration 012).
    expect(await call('contacts.updateGuidance', { id: logged.id, draft: text })).toMatchObject({ ok: false, error: { code: 'LETTER_ISSUED' } });
    expect(await call('contacts.composeGuidance', { id: logged.id })).toMatchObject({ ok: false, error: { code: 'LETTER_ISSUED' } });
    const db = core.requireSession().ws.db;
    await expect(db.updateTable('contact_letters').set({ draft: '{}' }).where('id', '=', issued.letter!.id).execute()).rejects.toThrow(/LETTER_ISSUED/);
    await expect(db.deleteFrom('contact_letters').where('id', '=', issued.letter!.id).execute()).rejects.toThrow(/LETTER_ISSUED/);

    // M2 with the mail log's tracking-number rule (M1): a wrong check digit is refused without a reason.
    expect(await call('contacts.logMailing', { id: logged.id, method: 'kan_i_kakitome', trackingNumber: '123456789012', sentOn: '2026-12-03' })).toMatchObject({
      ok: false,
      error: { code: 'TRACKING_NUMBER_INVALID' },
    });
    expect(await call('contacts.logMailing', { id: logged.id, method: 'futsu', sentOn: '2026-12-02' })).toMatchObject({ ok: false, error: { code: 'DATE_ORDER' } });
    expect(await call('contacts.logMailing', { id: logged.id, method: 'futsu', sentOn: '2026-12-04' })).toMatchObject({ ok: false, error: { code: 'DATE_IN_FUTURE' } });
    expect((await owed(call)).count).toBe(1);
    const mailed = value(await call('contacts.logMailing', { id: logged.id, method: 'kan_i_kakitome', trackingNumber: '1234-5678-9013', sentOn: '2026-12-03' }));
    expect(mailed).toMatchObject({ guidanceState: 'mailed', letterState: 'mailed', mailing: { method: 'kan_i_kakitome', trackingNo: '123456789013', trackingStatus: 'valid', sentOn: '2026-12-03' } });
    expect(await owed(call)).toEqual({ count: 0, items: [] });
    expect(await call('contacts.logMailing', { id: logged.id, method: 'futsu', sentOn: '2026-12-03' })).toMatchObject({ ok: false, error: { code: 'CONTACT_ALREADY_MAILED' } });
    expect(value(await call('contacts.list', { state: 'mailed' })).map((c) => c.id)).toEqual([logged.id]);
    expect(value(await call('contacts.list', { state: 'owed' }))).toEqual([]);

    // S3: every step left its entry, none with the person's name, address, number or words.
    await as({ login: ADMIN.adminLogin, passphrase: ADMIN.passphrase });
    const issuedAudit = value(await call('audit.list', { action: 'contact.guidance_issued' })).entries;
    expect(issuedAudit).toHaveLength(1);
    expect(issuedAudit[0]!.summary).toMatchObject({ contactNo: 'C2026-0001', sha256: issued.letter!.sha256, pageCount: issued.letter!.pageCount });
    const trail = value(await call('audit.list', { limit: 500 })).entries.filter((e) => e.action.startsWith('contact.'));
    const actions = new Set(trail.map((e) => e.action));
    for (const a of ['contact.logged', 'contact.guidance_drafted', 'contact.guidance_edited', 'contact.guidance_previewed', 'contact.guidance_issued', 'contact.guidance_downloaded', 'contact.guidance_mailed', 'contact.listed']) {
      expect(actions, a).toContain(a);
    }
    const summaries = JSON.stringify(trail.map((e) => e.summary));
    for (const p of PERSONAL) expect(summaries, p).not.toContain(p);
  }, 180_000);

  it('an English letter, a fee-free request and several contacts: numbers count up, Today lists the oldest first', async () => {
    const { call } = await vault('2026-12-05');
    const first = value(await call('contacts.log', { ...PHONE, channel: 'email', contactedOn: '2026-12-04', requestedKinds: ['K4'], lang: 'en', name: 'Emma Brown' }));
    const second = value(await call('contacts.log', { ...PHONE, channel: 'desk', contactedOn: '2026-12-02', requestedKinds: [] }));
    expect([first.contactNo, second.contactNo]).toEqual(['C2026-0001', 'C2026-0002']);
    const today = await owed(call);
    expect(today.count).toBe(2);
    expect(today.items.map((i) => i.contactNo)).toEqual(['C2026-0002', 'C2026-0001']);
    const en = value(await call('contacts.composeGuidance', { id: first.id })).letter!.draft;
    expect(en.lang).toBe('en');
    expect(en.salutation).toBe('Dear Emma Brown,');
    expect(en.sections.find((s) => s.heading.startsWith('3.'))!.items.join('\n')).toContain('No fee is charged');
  });
});

describe('nothing of a contact reaches the disk unencrypted (S2)', () => {
  it('name, address, phone and note of a logged contact with an issued letter are in no file of the data folder', async () => {
    const MARKER = 'ZQXCONTACT5531';
    const MARKER_JA = '秘匿問合花子';
    const { core, call, dataDir } = await vault();
    const c = value(await call('contacts.log', { ...PHONE, name: `${MARKER_JA} ${MARKER}`, address: `東京都新宿区 ${MARKER}`, contactDetail: `${MARKER}@example.jp`, requestNote: `${MARKER_JA}の件` }));
    value(await call('contacts.composeGuidance', { id: c.id }));
    value(await call('contacts.issueGuidance', { id: c.id }));
    expect(listFiles(dataDir).length).toBeGreaterThan(1);
    expect(filesContaining(dataDir, [MARKER, MARKER_JA])).toEqual([]);
    await core.dispose();
    expect(filesContaining(dataDir, [MARKER, MARKER_JA])).toEqual([]);
  });
});

describe('who may do what (S1)', () => {
  it('clerks and administrators log and write; auditors read only; a refusal is audited', async () => {
    const { call, as } = await vault();
    await as(CLERK);
    const c = value(await call('contacts.log', PHONE));
    await as(AUDITOR);
    expect(value(await call('contacts.list', {})).map((x) => x.id)).toEqual([c.id]);
    expect(value(await call('contacts.get', { id: c.id })).address).toBe(PHONE.address);
    for (const [channel, input] of [
      ['contacts.log', PHONE],
      ['contacts.composeGuidance', { id: c.id }],
      ['contacts.issueGuidance', { id: c.id }],
      ['contacts.logMailing', { id: c.id, method: 'futsu', sentOn: '2026-12-01' }],
    ] as const) {
      expect(await call(channel, input as never), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(value(await call('today.overview', {})).guidanceOwed.count).toBe(1);
    await as({ login: ADMIN.adminLogin, passphrase: ADMIN.passphrase });
    const denied = value(await call('audit.list', { action: 'access.denied' })).entries.map((e) => JSON.stringify(e.summary));
    expect(denied.filter((s) => s.includes('contacts.')).length).toBe(4);
    // The administrator may do a clerk's work.
    expect(value(await call('contacts.composeGuidance', { id: c.id })).letterState).toBe('draft');
  });
});

describe('bad inputs give typed errors (never INTERNAL)', () => {
  it('named cases', async () => {
    const { call } = await vault();
    expect(await call('contacts.log', { ...PHONE, postalCode: '15400' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('contacts.log', { ...PHONE, channel: 'carrier_pigeon' as never })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('contacts.log', { ...PHONE, name: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('contacts.log', { ...PHONE, contactedTime: '25:00' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('contacts.log', { ...PHONE, contactedOn: '2026-12-02' })).toMatchObject({ ok: false, error: { code: 'DATE_IN_FUTURE' } });
    expect(await call('contacts.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const c = value(await call('contacts.log', PHONE));
    expect(await call('contacts.issueGuidance', { id: c.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    value(await call('contacts.composeGuidance', { id: c.id }));
    expect(await call('contacts.logMailing', { id: c.id, method: 'futsu', sentOn: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'LETTER_NOT_ISSUED' } });
    // Recomposing replaces the draft: still one letter.
    value(await call('contacts.composeGuidance', { id: c.id }));
    expect(value(await call('contacts.list', {}))).toHaveLength(1);
  });

  it('random inputs: either logged (then composable) or a typed error, nothing half-stored', async () => {
    const { call } = await vault();
    const anyString = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', ' ', '154-0015', '1540015', '東京都', '2026-12-01', '2026-02-30', '10:15'));
    // Mostly plausible values, so that valid contacts are drawn too.
    const text = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('山田 花子', 'Emma Brown', '東京都千代田区千代田1-1', '〒表記なし 大阪市') }, { weight: 1, arbitrary: anyString });
    const known = new Set(['INVALID_INPUT', 'INVALID_DATE', 'DATE_IN_FUTURE']);
    let logged = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            channel: fc.constantFrom('phone', 'email', 'fax', 'desk', 'post'),
            contactedOn: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('2026-12-01', '2026-11-30', '2027-01-01', '2026-13-01') }, { weight: 1, arbitrary: anyString }),
            name: text,
            postalCode: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('154-0015', '1000001') }, { weight: 1, arbitrary: anyString }),
            address: text,
            requestedKinds: fc.array(fc.constantFrom('K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'), { maxLength: 4 }),
            lang: fc.constantFrom('ja', 'en', 'fr'),
          },
          { requiredKeys: ['channel', 'contactedOn', 'name', 'postalCode', 'address'] },
        ),
        async (input) => {
          const r = await call('contacts.log', input as never);
          if (!r.ok) {
            expect(known, r.error.code).toContain(r.error.code);
            return;
          }
          logged++;
          // Whatever passed the edge has what the template needs (a name and an address).
          expect(value(await call('contacts.composeGuidance', { id: r.value.id })).letterState).toBe('draft');
        },
      ),
      { numRuns: 60, seed: 109 },
    );
    // Positive anchor: the generator does reach valid contacts.
    expect(logged).toBeGreaterThan(3);
    const all = value(await call('contacts.list', { limit: 500 }));
    expect(all).toHaveLength(logged);
    expect(await owed(call)).toMatchObject({ count: logged });
  });
});
