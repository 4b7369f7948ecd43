/**
 * Names as offices need them (issue 12 item 5): any variant spelling finds the case (search and
 * R3 keys), existing vaults get their keys recomputed (migration 017), and a letter prints the
 * applicant's own spelling: a letter to 髙橋 never says 高橋.
 */
import * as fontkitModule from '@pdf-lib/fontkit';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { m017 } from '../../electron/services/vault/migrations/017_name_keys';
import { nameKey } from '../../shared/domain/names';
import { ADMIN, useCores, value, type Call } from '../helpers/core';
import { acceptedCase, decidePartial } from '../helpers/letters-case';
import { useTempDirs } from '../helpers/temp-dir';

const fontkit: typeof fontkitModule = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;
const tempDir = useTempDirs();
const makeCore = useCores();

async function caseFor(call: Call, name: string, kana: string) {
  const c = value(await call('envelopes.log', { arrivedOn: '2026-11-20', delivery: 'futsu', redMarking: true })).cases[0]!;
  value(await call('cases.updateSubject', { id: c.id, name, kana }));
  return c;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) out.push((await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(''));
  await doc.loadingTask.destroy();
  return out.join('\n');
}

describe('variant kanji and kana in the case search', () => {
  it('finds each case by any variant of its name or any way of writing its reading', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    value(await call('vault.setup', ADMIN));
    const takahashi = await caseFor(call, '髙橋 一郎', 'タカハシ イチロウ');
    const yamazaki = await caseFor(call, '山﨑 花子', 'ヤマザキ ハナコ');
    const watanabe = await caseFor(call, '渡邉 健', 'ワタナベ ケン');
    const saito = await caseFor(call, '齋藤 真', 'サイトー マコト');
    await caseFor(call, '高田 二郎', 'タカダ ジロウ');
    const found = async (query: string) => value(await call('cases.list', { query, limit: 50, offset: 0 })).cases.map((c) => c.id).sort();
    for (const q of ['髙橋', '高橋', '高橋 一郎', '髙橋一郎']) expect(await found(q), q).toEqual([takahashi.id]);
    for (const q of ['山﨑', '山崎', '山嵜']) expect(await found(q), q).toEqual([yamazaki.id]);
    for (const q of ['渡邉', '渡邊', '渡辺']) expect(await found(q), q).toEqual([watanabe.id]);
    for (const q of ['齋藤', '齊藤', '斎藤', '斉藤', 'さいと', 'サイトー', 'ｻｲﾄｰ', 'さいとーまこと']) expect(await found(q), q).toEqual([saito.id]);
    // ー is dropped, not read as a vowel: サイトー and さいとう stay different readings.
    expect(await found('さいとう')).toEqual([]);
    // The stored spelling is the applicant's.
    const c = value(await call('cases.get', { id: takahashi.id }));
    expect(c.subjectName).toBe('髙橋 一郎');
  });
});

describe('migration 017', () => {
  it('recomputes the keys stored by earlier versions from the stored spelling', async () => {
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    await sql`CREATE TABLE cases (id TEXT PRIMARY KEY, subject_name TEXT NOT NULL, subject_kana TEXT NOT NULL, subject_name_key TEXT NOT NULL, subject_kana_key TEXT NOT NULL)`.execute(db);
    // Keys as the old nameKey made them: width, spaces and script folded only.
    await sql`INSERT INTO cases VALUES ('a', '髙橋 一郎', 'タカハシ', '髙橋一郎', 'たかはし'), ('b', '渡邉 健', 'ワタナベ ケン', '渡邉健', 'わたなべけん')`.execute(db);
    await m017.up(db);
    const rows = (await sql<{ id: string; subject_name: string; subject_name_key: string; subject_kana_key: string }>`SELECT * FROM cases ORDER BY id`.execute(db)).rows;
    expect(rows.map((r) => [r.subject_name, r.subject_name_key, r.subject_kana_key])).toEqual([
      ['髙橋 一郎', nameKey('高橋一郎'), 'たかはし'],
      ['渡邉 健', nameKey('渡辺健'), 'わたなべけん'],
    ]);
    expect(rows[0]!.subject_name_key).toBe('高橋一郎');
    await db.destroy();
  });
});

describe('letters print the applicant\'s spelling', () => {
  it('a letter to 髙橋 says 髙橋 (text layer and the embedded 髙 glyph), never 高橋', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    const { caseId } = await acceptedCase(call);
    value(await call('cases.updateSubject', { id: caseId, name: '髙橋 一郎', kana: 'タカハシ イチロウ', address: '東京都世田谷区桜新町1丁目2番3号' }));
    await decidePartial(call, caseId);
    const draft = value(await call('letters.create', { caseId, template: 'partial_or_refusal' }));
    value(await call('letters.issue', { id: draft.id }));
    const bytes = Buffer.from(value(await call('letters.pdf', { id: draft.id })).dataBase64, 'base64');
    const text = await pdfText(bytes);
    expect(text).toContain('髙橋');
    expect(text).not.toContain('高橋');
    const doc = await PDFDocument.load(bytes);
    const stream = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .find((o): o is PDFDict => o instanceof PDFDict && o.has(PDFName.of('FontFile2')))!
      .lookup(PDFName.of('FontFile2'));
    if (!(stream instanceof PDFRawStream)) throw new Error('no embedded TrueType font');
    const font = fontkit.create(decodePDFRawStream(stream).decode());
    // Letter fonts carry no cmap (issue 14 item 4): the ToUnicode map names 髙's glyph, which has an outline.
    const type0 = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .find((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Subtype'))?.toString() === '/Type0')!;
    const cmap = Buffer.from(decodePDFRawStream(type0.lookup(PDFName.of('ToUnicode')) as PDFRawStream).decode()).toString('latin1');
    const glyph = [...cmap.matchAll(/<([0-9A-F]{4})> <([0-9A-F]{4})>/gi)].find(([, , u]) => parseInt(u!, 16) === '髙'.codePointAt(0));
    expect(glyph, '髙 in ToUnicode').toBeDefined();
    expect(font.getGlyph(parseInt(glyph![1]!, 16)).path.toSVG().length).toBeGreaterThan(20);
  }, 60_000);
});
