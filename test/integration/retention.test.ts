/**
 * Retention and disposal (#15 item 2, S4): ID copies of a closed case become due after the
 * schedule's months; a legal hold blocks disposal; disposing erases the page images, thumbnails,
 * OCR text and search entries from the database file itself (decrypted page scan, free pages
 * included, after the checkpoint), keeps a register row without personal data, and prints a
 * disposal record. The case register export follows the encrypted-by-default rule (item 5).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import officeCrypto from 'officecrypto-tool';
import { describe, expect, it } from 'vitest';
import { searchPageText } from '../../electron/services/vault/fulltext';
import { ADMIN, useCores, value, addStaffSignedInOnce } from '../helpers/core';
import { importAndWait } from '../helpers/imports';
import { drawPage } from '../helpers/ocr-pages';
import { listFiles } from '../helpers/scan';
import { decryptedPages } from '../helpers/sqlcipher-pages';
import { useTempDirs } from '../helpers/temp-dir';
import { renderPages } from './letters-pixels';

const makeCore = useCores();
const tempDir = useTempDirs();
const DAY = 86_400_000;

/** 24-byte slices from across a blob: compressed image data, unique enough to find in the file. */
function slices(blob: Uint8Array): Buffer[] {
  const b = Buffer.from(blob);
  return Array.from({ length: 8 }, (_, i) => b.subarray(Math.floor(((i + 1) * b.length) / 10), Math.floor(((i + 1) * b.length) / 10) + 24));
}

describe('retention and disposal (S4)', () => {
  it('disposes of a closed case’s ID copies only when due and not held, leaving nothing of them in the file', async () => {
    let t = Date.parse('2026-11-21T01:00:00Z');
    const dataDir = tempDir();
    const { core, call } = makeCore({ dataDir, ocrWorkers: 1, now: () => t });
    value(await call('vault.setup', ADMIN));
    const logged = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true }));
    const caseId = logged.cases[0]!.id;
    const caseNo = logged.cases[0]!.caseNo;
    await importAndWait(
      call,
      [
        { name: 'form.png', bytes: drawPage(['個人情報開示等請求書', '氏名 山田太郎']) },
        { name: 'license.png', bytes: drawPage(['運転免許証', '氏名 鈴木花子', '住所 北海道札幌市中央区北一条西', '番号 第123456789012号']) },
      ],
      { caseId },
    );
    const pages = value(await call('pages.list', { caseId }));
    expect(pages).toHaveLength(2);
    const idPage = pages.find((p) => p.sourceName === 'license.png')!;
    value(await call('pages.setKind', { id: idPage.id, kind: 'id_document' }));
    value(await call('pages.setKind', { id: pages.find((p) => p.id !== idPage.id)!.id, kind: 'application_form' }));
    value(await call('cases.transition', { id: caseId, to: 'withdrawn', reason: '取下げ書受領', ground: 'letter' }));
    // Retention counts from the close (#10: a withdrawn case closes once nothing is owed or an administrator waives it).
    value(await call('cases.transition', { id: caseId, to: 'closed', reason: '取下げ確認の通知は不要と申出あり' }));

    const db = core.requireSession().ws.db;
    const stored = await db.selectFrom('pages').select(['image_file', 'image_key', 'thumbnail', 'ocr_text']).where('id', '=', idPage.id).executeTakeFirstOrThrow();
    const text = stored.ocr_text.replace(/\s+/g, '');
    expect(text).toContain('北海道');
    // Trigrams of the ID page's text that no other page has: what the FTS index segments hold.
    const otherText = (await db.selectFrom('pages').select('ocr_text').where('id', '!=', idPage.id).execute()).map((r) => r.ocr_text).join('\n');
    const chars = [...stored.ocr_text.replace(/\s+/g, '')];
    const trigrams = [...new Set(chars.slice(0, -2).map((_, i) => chars.slice(i, i + 3).join('')))].filter((g) => /^[\u4e00-\u9fff]{3}$/u.test(g) && !otherText.includes(g));
    expect(trigrams.length).toBeGreaterThan(2);
    const trigramNeedles = trigrams.map((g) => Buffer.from(g, 'utf8'));
    // The image lives in its own encrypted page file (#15 item 6); the row holds that file's key.
    const needles = [Buffer.from(stored.image_key!), ...slices(stored.thumbnail), Buffer.from(stored.ocr_text.trim().slice(0, 12), 'utf8'), ...trigramNeedles];
    const pageFiles = core.requireSession().ws.pages.files;
    const pageFile = pageFiles.path(stored.image_file!);
    const cipherNeedles = slices(readFileSync(pageFile));
    const imageNeedles = slices(pageFiles.read(stored.image_file!, stored.image_key!));
    const scanFiles = (ns: Buffer[]) => listFiles(dataDir).reduce((n, f) => n + ns.filter((x) => readFileSync(f).includes(x)).length, 0);
    // Positive control for the files: the page file's bytes are found; its image is nowhere in clear.
    expect(scanFiles(cipherNeedles)).toBeGreaterThanOrEqual(cipherNeedles.length);
    expect(scanFiles(imageNeedles)).toBe(0);
    const key = core.vault.backupSource().key;
    const dbFile = join(dataDir, 'kaiji.db');
    const scan = async () => {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
      const plain = decryptedPages(dbFile, key);
      return needles.filter((n) => plain.includes(n)).length;
    };
    // Positive control: the decryption works and the ID page is in the file before disposal.
    expect(await scan()).toBeGreaterThanOrEqual(needles.length - trigramNeedles.length - 3);
    const plainBefore = decryptedPages(dbFile, key);
    // (Those spanning a space tesseract put between characters are not stored contiguously.)
    expect(trigramNeedles.filter((n) => plainBefore.includes(n)).length).toBeGreaterThan(trigramNeedles.length / 2);
    expect(await searchPageText(db, '北海道札幌', 5)).toEqual([idPage.id]);

    // Not due yet (6 months after close by default): refused, nothing changes.
    expect(value(await call('retention.due', {}))).toEqual([]);
    expect(await call('retention.dispose', { items: [{ caseId, classes: ['id_documents'] }], reason: '保存期間経過' })).toMatchObject({ ok: false, error: { code: 'DISPOSAL_NOT_DUE' } });

    t += 200 * DAY;
    const due = value(await call('retention.due', {}));
    expect(due).toEqual([expect.objectContaining({ caseId, caseNo, recordClass: 'id_documents', pages: 1, held: false })]);
    expect(value(await call('today.overview', {})).disposalDue).toMatchObject({ count: 1, held: 0, items: [{ caseId, caseNo, recordClass: 'id_documents' }] });

    // A legal hold blocks it.
    value(await call('retention.placeHold', { caseId, reason: '訴訟対応' }));
    expect(value(await call('retention.due', {}))[0]!.held).toBe(true);
    expect(value(await call('today.overview', {})).disposalDue).toMatchObject({ count: 0, held: 1, items: [] });
    const held = await call('retention.dispose', { items: [{ caseId, classes: ['id_documents'] }], reason: '保存期間経過' });
    expect(held).toMatchObject({ ok: false, error: { code: 'LEGAL_HOLD' } });
    expect(value(await call('pages.list', { caseId }))).toHaveLength(2);
    value(await call('retention.releaseHold', { caseId }));

    const batch = value(await call('retention.dispose', { items: [{ caseId, classes: ['id_documents'] }], reason: '保存期間経過のため' }));
    // Disposal ends with the WAL truncated (later reads are audited, so check it at once).
    expect(statSync(`${dbFile}-wal`).size).toBe(0);
    expect(batch.entries).toEqual([expect.objectContaining({ caseNo, classes: ['id_documents'], pagesErased: 1, reason: '保存期間経過のため' })]);
    expect(batch.entries[0]!.rule).toMatch(/本人確認書類の写し：終了後6か月/);

    // Gone from queries, search and the file (free pages and WAL included); the form page stays.
    expect(value(await call('pages.list', { caseId })).map((p) => p.id)).toEqual(pages.filter((p) => p.id !== idPage.id).map((p) => p.id));
    expect(await searchPageText(db, '北海道札幌', 5)).toEqual([]);
    expect(await scan()).toBe(0);
    // The page file is gone, and neither its bytes nor its image are anywhere in the data folder.
    expect(existsSync(pageFile)).toBe(false);
    expect(scanFiles([...cipherNeedles, ...imageNeedles])).toBe(0);
    expect(value(await call('retention.due', {}))).toEqual([]);

    // The register row: case number, class, rule, who and when; no personal value.
    const register = value(await call('retention.register', {}));
    expect(register.total).toBe(1);
    expect(register.entries[0]).toMatchObject({ caseNo, classes: ['id_documents'], disposedByName: ADMIN.adminName });
    expect(JSON.stringify(register)).not.toMatch(/山田|鈴木|北海道/);
    const audited = value(await call('audit.list', { action: 'records.disposed' }));
    expect(audited.entries[0]!.summary).toMatchObject({ cases: [{ caseNo, classes: ['id_documents'], pages: 1 }] });

    // The printable record, read back from pixels by OCR.
    const pdf = value(await call('retention.recordPdf', { batchId: batch.batchId }));
    const [rendered] = await renderPages(Buffer.from(pdf.dataBase64, 'base64'), 150);
    const { text: printed } = await core.ocrPool().recognize(rendered!.png, { lang: 'jpn+eng' });
    const squashed = printed.normalize('NFKC').replace(/\s+/g, '');
    expect(squashed).toContain('廃棄記録');
    expect(squashed).toContain(caseNo);
    expect(squashed).toContain('本人確認書類');
  }, 90_000);

  it('the case file class erases personal fields and every page; the register export is encrypted unless acknowledged', async () => {
    let t = Date.parse('2026-01-10T01:00:00Z');
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 1, now: () => t });
    value(await call('vault.setup', ADMIN));
    const logged = value(await call('envelopes.log', { arrivedOn: '2026-01-10', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true }));
    const caseId = logged.cases[0]!.id;
    value(await call('cases.updateSubject', { id: caseId, name: '佐藤 次郎', kana: 'サトウ ジロウ', address: '大阪府大阪市北区梅田1-1' }));
    value(await call('cases.addNote', { id: caseId, body: '佐藤様より電話あり' }));
    value(await call('cases.transition', { id: caseId, to: 'withdrawn', reason: '取下げ', ground: 'phone' }));
    value(await call('cases.transition', { id: caseId, to: 'closed', reason: '取下げ確認の通知は不要と申出あり' }));

    // Item 5: refused in plaintext without the acknowledgement; encrypted by default.
    expect(await call('cases.exportRegister', { format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'EXPORT_PLAINTEXT_NOT_ACKNOWLEDGED' } });
    const enc = value(await call('cases.exportRegister', { format: 'xlsx', password: 'register password 1' }));
    expect(enc.encrypted).toBe(true);
    const encBytes = Buffer.from(enc.dataBase64, 'base64');
    expect(encBytes.includes(Buffer.from('佐藤'))).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await officeCrypto.decrypt(encBytes, { password: 'register password 1' })) as never);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe(logged.cases[0]!.caseNo);
    expect(sheet.getRow(2).getCell(5).value).toBe('佐藤 次郎');

    t += 4 * 366 * DAY;
    const due = value(await call('retention.due', {}));
    expect(due.map((d) => d.recordClass)).toEqual(['case_file']);
    value(await call('retention.dispose', { items: [{ caseId, classes: ['case_file'] }], reason: '保存期間満了' }));
    const after = value(await call('cases.get', { id: caseId }));
    expect(after.subjectName).toBe('（廃棄済）');
    expect(JSON.stringify(value(await call('cases.detail', { id: caseId })))).not.toMatch(/佐藤|梅田|電話あり/);
    expect(value(await call('retention.due', {}))).toEqual([]);
    const csv = value(await call('cases.exportRegister', { format: 'csv', plaintextAcknowledged: true }));
    expect(Buffer.from(csv.dataBase64, 'base64').toString('utf8')).toMatch(/案件記録一式/);
  }, 60_000);

  it('only administrators dispose, hold, change the schedule or export the register; auditors read the register (S1)', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 1 });
    value(await call('vault.setup', ADMIN));
    const caseId = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'futsu', redMarking: true })).cases[0]!.id;
    await addStaffSignedInOnce(call, { displayName: '担当 一郎', login: 'ichiro', role: 'clerk', passphrase: 'clerk passphrase 1' });
    await addStaffSignedInOnce(call, { displayName: '監査 三郎', login: 'saburo', role: 'auditor', passphrase: 'auditor passphrase' });
    const adminOnly = [
      () => call('retention.schedule', {}),
      () => call('retention.updateSchedule', { caseFileYears: 5 }),
      () => call('retention.due', {}),
      () => call('retention.dispose', { items: [{ caseId, classes: ['id_documents'] }], reason: 'x' }),
      () => call('retention.placeHold', { caseId, reason: 'x' }),
      () => call('retention.releaseHold', { caseId }),
      () => call('cases.exportRegister', { format: 'xlsx', password: 'register password 1' }),
    ];
    for (const [login, passphrase, readsRegister] of [
      ['ichiro', 'clerk passphrase 1', false],
      ['saburo', 'auditor passphrase', true],
    ] as const) {
      value(await call('vault.unlock', { login, passphrase }));
      for (const attempt of adminOnly) expect(await attempt()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const reads = [await call('retention.register', {}), await call('retention.holds', {})];
      for (const r of reads) expect(r.ok).toBe(readsRegister);
    }
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    expect(value(await call('retention.updateSchedule', { caseFileYears: 5 })).caseFileYears).toBe(5);
    // The schedule change is audited with before and after.
    expect(value(await call('audit.list', { action: 'retention.schedule_updated' })).entries[0]!.summary).toEqual({ caseFileYears: [3, 5] });
  }, 60_000);
});
