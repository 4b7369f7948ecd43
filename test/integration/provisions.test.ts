/**
 * The third-party provision register (T1, T2) through the real dispatcher over a real
 * encrypted vault: a 10,000-row import with bad rows, re-import, one transaction, the K5
 * do-not-provide list and the check, K6 matching (R3 keys) confirmed by a person, and the
 * K6 letter rendered and read back by OCR.
 */
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { isoDateInJapan } from '../../shared/domain/dates';
import { formatEraDate } from '../../shared/domain/era';
import { OcrPool } from '../../electron/services/ocr';
import { grow, renderPages, squash, whiteOut } from './letters-pixels';
import { QR_ZONE, MM } from '../../electron/services/letters/render';
import { useCores, value, type Call, addStaffSignedInOnce } from '../helpers/core';
import { acceptedCase } from '../helpers/letters-case';
import { seedLettersDemo } from '../../electron/services/demo/demo-letters';
import { ADMIN } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();
let pool: OcrPool | undefined;
afterAll(() => pool?.terminate());

const HEADER = '提供日,提供先,氏名,フリガナ,生年月日,住所,提供項目,根拠';
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const MAPPING = { providedOn: 0, recipient: 1, name: 2, kana: 3, birthDate: 4, address: 5, items: 6, basis: 7 };

/** Row i (0-based data row) of a business system's export; file row = i + 2 (header is row 1). */
function csvRow(i: number): string {
  const basis = ['同意', 'opt-out', '委託'][i % 3]!;
  const month = (i % 12) + 1;
  const day = (i % 28) + 1;
  // Quoted fields with commas and quotes, as spreadsheets export them.
  return `2025/${month}/${day},"株式会社 提供先${i % 40}",会員 ${i},カイイン ${i},1980-01-01,"東京都港区芝${i}丁目1番1号, ""A棟""",氏名・住所・購入履歴,${basis}`;
}

describe('provision register import (T1)', () => {
  it('10,000 rows with 3 bad ones: 9,997 stored in one go, 3 errors with their row numbers; the same file again adds nothing', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    await acceptedCase(call);
    const lines = Array.from({ length: 10_000 }, (_, i) => csvRow(i));
    lines[99] = lines[99]!.replace('2025/4/16', '2025/2/30'); // no such day -> file row 101
    lines[4_999] = lines[4_999]!.replace(/,[^,]+$/, ',贈与'); // unknown basis -> row 5001
    lines[9_997] = lines[9_997]!.replace(/^([^,]*),"[^"]*"/, '$1,""'); // no recipient -> row 9999
    const csv = `\uFEFF${HEADER}\r\n${lines.join('\r\n')}\r\n`;

    const preview = value(await call('provisions.previewImport', { file: { data: b64(csv) } }));
    // The header names are recognised, so the clerk starts from a complete mapping.
    expect(preview.suggestedMapping).toEqual(MAPPING);
    expect(preview).toMatchObject({ format: 'csv', rowCount: 10_000, valid: 9_997, errorCount: 3, duplicates: 0 });
    expect(preview.sample[0]).toMatchObject({ row: 2, entry: { providedOn: '2025-01-01', recipient: '株式会社 提供先0', address: '東京都港区芝0丁目1番1号, "A棟"', basis: 'consent' } });

    const first = value(await call('provisions.import', { file: { data: b64(csv) }, mapping: MAPPING }));
    expect(first).toMatchObject({ rowsTotal: 10_000, added: 9_997, duplicates: 0, rejected: 3 });
    expect(first.errors.map((e) => [e.row, e.field])).toEqual([
      [101, 'providedOn'],
      [5001, 'basis'],
      [9999, 'recipient'],
    ]);
    expect(first.errors[0]!.message.ja).toContain('存在しない日付');
    expect(value(await call('provisions.list', { limit: 1 })).total).toBe(9_997);

    const again = value(await call('provisions.import', { file: { data: b64(csv) }, mapping: MAPPING }));
    expect(again).toMatchObject({ added: 0, duplicates: 9_997, rejected: 3 });
    expect(value(await call('provisions.list', { limit: 1 })).total).toBe(9_997);

    // The trail has counts, never a name, recipient or address from the file.
    const audit = value(await call('audit.list', { action: 'provision.imported' }));
    expect(audit.entries.map((e) => e.summary)).toEqual([
      expect.objectContaining({ added: 0, duplicates: 9_997, rejected: 3 }),
      expect.objectContaining({ added: 9_997, duplicates: 0, rejected: 3 }),
    ]);
    expect(JSON.stringify(audit.entries)).not.toMatch(/会員|提供先|港区/);
  });

  it('an import that fails part way stores nothing (one transaction)', async () => {
    const { core, call } = makeCore({ dataDir: tempDir() });
    await acceptedCase(call);
    const csv = `${HEADER}\n${Array.from({ length: 450 }, (_, i) => csvRow(i)).join('\n')}`;
    // The audit entry is the last write of the transaction: failing it must undo every batch before it.
    const ws = (core as unknown as { session: { ws: { audit: { append: (...a: unknown[]) => Promise<unknown> } } } }).session.ws;
    const append = ws.audit.append.bind(ws.audit);
    ws.audit.append = async (trx: unknown, actor: unknown, event: unknown) => {
      if ((event as { action: string }).action === 'provision.imported') throw new Error('disk full');
      return append(trx, actor, event);
    };
    expect(await call('provisions.import', { file: { data: b64(csv) }, mapping: MAPPING })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    ws.audit.append = append;
    expect(value(await call('provisions.list', { limit: 1 })).total).toBe(0);
    expect(value(await call('provisions.import', { file: { data: b64(csv) }, mapping: MAPPING })).added).toBe(450);
  });

  it('reads XLSX exports and refuses a mapping without a required field', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    await acceptedCase(call);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('export');
    sheet.addRow(['Recipient', 'Name', 'Reading', 'Date', 'Items', 'Basis']);
    sheet.addRow(['ABC Insurance', '鈴木 一郎', 'スズキ イチロウ', new Date(Date.UTC(2026, 2, 1)), '氏名、電話番号', 'contract']);
    sheet.addRow(['ABC Insurance', '鈴木 次郎', 'スズキ ジロウ', '令和8年3月2日', '氏名', 'consent']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = value(await call('provisions.previewImport', { file: { data: b64(bytes) } }));
    expect(preview).toMatchObject({ format: 'xlsx', rowCount: 2, valid: 2, suggestedMapping: { recipient: 0, name: 1, kana: 2, providedOn: 3, items: 4, basis: 5 } });
    expect(await call('provisions.import', { file: { data: b64(bytes) }, mapping: { recipient: 0, name: 1, items: 4, basis: 5 } })).toMatchObject({
      ok: false,
      error: { code: 'PROVISION_MAPPING_INCOMPLETE' },
    });
    const done = value(await call('provisions.import', { file: { data: b64(bytes) }, mapping: preview.suggestedMapping }));
    expect(done.added).toBe(2);
    const list = value(await call('provisions.list', { query: 'すずき いちろう' })).records;
    // T1: a contract entry is kept one year from the provision, a consent one three years.
    expect(list).toEqual([expect.objectContaining({ providedOn: '2026-03-01', basis: 'contract', keepUntil: '2027-03-01' })]);
    expect(value(await call('provisions.list', { query: '鈴木次郎' })).records[0]).toMatchObject({ providedOn: '2026-03-02', keepUntil: '2029-03-02' });
  });
});

async function addEntries(call: Call) {
  const add = async (e: { providedOn: string; recipient: string; name: string; kana: string; birthDate: string; items: string; basis: 'consent' | 'opt_out' | 'contract' }) =>
    value(await call('provisions.add', { address: '', ...e }));
  return {
    // The requester (山田 太郎, born 1985-04-01) under other spellings of the same keys.
    mine1: await add({ providedOn: '2026-05-12', recipient: '東都保険株式会社', name: '山田太郎', kana: 'やまだ たろう', birthDate: '昭和60年4月1日', items: '氏名・住所・電話番号', basis: 'consent' }),
    mine2: await add({ providedOn: '2025-09-03', recipient: '北辰運輸株式会社', name: '山田　太郎', kana: 'ﾔﾏﾀﾞ ﾀﾛｳ', birthDate: '1985-04-01', items: '氏名・配送先住所', basis: 'contract' }),
    // Same name, another person (birth date contradicts): never listed.
    other: await add({ providedOn: '2026-01-20', recipient: '南海商事株式会社', name: '山田 太郎', kana: 'ヤマダ タロウ', birthDate: '1990-12-24', items: '氏名・購入履歴', basis: 'opt_out' }),
    stranger: await add({ providedOn: '2026-02-02', recipient: '西友信販株式会社', name: '佐藤 花子', kana: 'サトウ ハナコ', birthDate: '1985-04-01', items: '氏名', basis: 'consent' }),
  };
}

/** A K6-only application, so the provision-records letter is the whole response. */
const K6_ONLY = { 'request.k1': false, 'request.k2': false };

describe('K6 answered from the register (T2, R3)', () => {
  it('candidates by the R3 keys, a person confirms, the letter lists exactly those records with era dates (read back by OCR)', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    const { caseId } = await acceptedCase(call, K6_ONLY);
    const e = await addEntries(call);
    // The same entry typed twice is one entry (fingerprint).
    expect(value(await call('provisions.add', { providedOn: '令和8年5月12日', recipient: '東都保険 株式会社', name: '山田 太郎', kana: 'ヤマダタロウ', birthDate: '1985-04-01', address: '', items: '氏名・住所・電話番号', basis: 'consent' })).id).toBe(e.mine1.id);

    const match = value(await call('provisions.match', { caseId }));
    expect(match.person).toMatchObject({ name: '山田 太郎', birthDate: '1985-04-01' });
    expect(match.candidates.map((c) => c.id).sort()).toEqual([e.mine1.id, e.mine2.id].sort());
    expect(match.confirmed).toBeNull();
    // Only candidates can be confirmed.
    expect(await call('provisions.confirmMatch', { caseId, recordIds: [e.other.id] })).toMatchObject({ ok: false, error: { code: 'PROVISION_MATCH_NOT_CANDIDATE' } });
    const confirmed = value(await call('provisions.confirmMatch', { caseId, recordIds: [e.mine1.id, e.mine2.id] }));
    expect(confirmed.confirmed).toMatchObject({ recordIds: [e.mine1.id, e.mine2.id], byName: '管理 花子' });
    const audit = value(await call('audit.list', { action: 'provision.match_confirmed' })).entries;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toMatchObject({ candidates: 2, confirmed: 2 });

    value(await call('decisions.record', { caseId, kind: 'K6', outcome: 'done', grounds: [], reasonText: '' }));
    const draft = value(await call('letters.create', { caseId, template: 'provision_records' }));
    const items = draft.draft.sections.flatMap((s) => s.items).join('\n');
    expect(items).toContain('令和7年9月3日');
    expect(items).toContain('令和8年5月12日');
    expect(items).not.toContain('南海商事');
    expect(items).not.toContain('西友信販');
    const issued = value(await call('letters.issue', { id: draft.id }));
    const pdf = Buffer.from(value(await call('letters.pdf', { id: issued.id })).dataBase64, 'base64');

    pool = new OcrPool({ size: 1 });
    const pages = await renderPages(pdf, 300);
    const text = (await Promise.all(pages.map(async (p) => squash((await pool!.recognize(await whiteOut(p, [grow(QR_ZONE, 2 * MM)]), { lang: 'jpn+eng' })).text)))).join('');
    expect(text).toContain('第三者提供記録の開示について');
    for (const r of [e.mine1, e.mine2]) {
      expect(text).toContain(squash(r.recipient));
      expect(text).toContain(squash(formatEraDate(r.providedOn)));
    }
    expect(text).not.toContain('南海商事');
    expect(text).not.toContain('西友信販');
  }, 120_000);

  it('a match confirmed as none: the letter says no record exists', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    const { caseId } = await acceptedCase(call, K6_ONLY);
    value(await call('provisions.confirmMatch', { caseId, recordIds: [] }));
    value(await call('decisions.record', { caseId, kind: 'K6', outcome: 'done', grounds: [], reasonText: '' }));
    const draft = value(await call('letters.create', { caseId, template: 'provision_records' }));
    expect(draft.draft.body.join('')).toContain('記録は存在しませんでした');
    expect(draft.draft.sections.flatMap((s) => s.items)).toContain('該当する記録はありません。');
  });
});

describe('K5 and the do-not-provide list (T2)', () => {
  it('a K5 decision puts the person on the list from the decision date; the check then refuses a provision', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    const { caseId, caseNo } = await acceptedCase(call, { 'request.k5': true });
    const person = { name: '山田　太郎', kana: 'ﾔﾏﾀﾞﾀﾛｳ', birthDate: '1985-04-01', recipient: '東都保険株式会社' };
    const today = isoDateInJapan(new Date());
    expect(value(await call('provisions.check', { ...person, date: today }))).toEqual({ allowed: true, blockedBy: [] });

    value(await call('decisions.record', { caseId, kind: 'K5', outcome: 'done', grounds: [], reasonText: '' }));
    const list = value(await call('provisions.blockList', {}));
    expect(list).toEqual([expect.objectContaining({ caseId, caseNo, name: '山田 太郎', birthDate: '1985-04-01', recipient: null, fromDate: today })]);

    const refused = value(await call('provisions.check', { ...person, date: today }));
    expect(refused.allowed).toBe(false);
    expect(refused.blockedBy).toEqual([{ id: list[0]!.id, fromDate: today, caseNo }]);
    // Before the decision date the provision was allowed; another person (birth date) is not affected.
    expect(value(await call('provisions.check', { ...person, date: '2025-01-01' })).allowed).toBe(true);
    expect(value(await call('provisions.check', { ...person, birthDate: '1990-12-24', date: today })).allowed).toBe(true);

    // The decision replaced by an alternative measure (R4) takes the person off the list again.
    value(await call('decisions.record', { caseId, kind: 'K5', outcome: 'alternative', grounds: [], reasonText: '費用', alternativeMeasure: '提供先での利用を停止させました。' }));
    expect(value(await call('provisions.blockList', {}))).toEqual([]);
    const actions = value(await call('audit.list', {})).entries.map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['provision.block_listed', 'provision.block_removed', 'provision.checked']));
  });

  it('a clerk may check and list but the register import is not open to auditors', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    await acceptedCase(call);
    await addStaffSignedInOnce(call, { login: 'kansa', displayName: '監査 一郎', role: 'auditor', passphrase: 'auditor passphrase long enough' });
    value(await call('vault.unlock', { login: 'kansa', passphrase: 'auditor passphrase long enough' }));
    expect(await call('provisions.import', { file: { data: b64(`${HEADER}\n${csvRow(1)}`) }, mapping: MAPPING })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(value(await call('provisions.list', {})).total).toBe(0);
  });
});

describe('demo vault register (issue 15)', () => {
  it('has imported register entries, a K5 opt-out on the list and a K6 letter answered from the register', async () => {
    const { core, call } = makeCore({ dataDir: tempDir() });
    value(await call('vault.setup', ADMIN));
    value(await call('settings.update', { companyAddress: '〒169-0051 東京都新宿区西早稲田二丁目20番15号' }));
    await seedLettersDemo(core, new Date('2026-11-24T03:00:00Z'));
    // 6 demo people x 3 provisions, imported in one file.
    expect(value(await call('provisions.list', { limit: 1 })).total).toBe(18);
    const blocked = value(await call('provisions.blockList', {}));
    expect(blocked).toHaveLength(1);
    // From the day the K5 decision was recorded (the services' clock).
    expect(blocked[0]!.fromDate).toBe(isoDateInJapan(new Date()));
    const letter = value(await call('letters.overview', { filter: 'issued', limit: 500 })).find((l) => l.template === 'provision_records')!;
    const match = value(await call('provisions.match', { caseId: letter.caseId }));
    expect(match.confirmed?.recordIds).toHaveLength(3);
    const detail = value(await call('letters.get', { id: letter.id }));
    const items = detail.draft.sections.flatMap((s) => s.items);
    expect(items.filter((i) => i.includes('提供先：'))).toHaveLength(3);
  });
});
