/**
 * The trash (issue #13 item 3) through the real dispatcher over a real encrypted vault with
 * real OCR: delete → undo; delete → re-import the same file restores it; a letter draft comes
 * back the same way; trashed pages leave the case file and search yet stay in the vault; after
 * settings.trashDays (fixed clock) the unlock purges them, and a scan of the decrypted database
 * file (after the purge's checkpoint) finds none of the purged page's image bytes.
 */
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ADMIN, addStaffSignedInOnce, useCores, value } from '../helpers/core';
import { importAndWait } from '../helpers/imports';
import { acceptedCase } from '../helpers/letters-case';
import { drawPage } from '../helpers/ocr-pages';
import { decryptedPages } from '../helpers/sqlcipher-pages';
import { useTempDirs } from '../helpers/temp-dir';

const makeCore = useCores();
const tempDir = useTempDirs();
const DAY = 86_400_000;
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

/** 24-byte slices from across a blob: compressed image data, unique enough to find in the file. */
function slices(blob: Uint8Array): Buffer[] {
  const b = Buffer.from(blob);
  return Array.from({ length: 8 }, (_, i) => b.subarray(Math.floor(((i + 1) * b.length) / 10), Math.floor(((i + 1) * b.length) / 10) + 24));
}

describe('trash with undo (#13 item 3)', () => {
  it('delete → undo, delete → re-import restores, letter drafts too; purged after N days with nothing of the image left in the file', async () => {
    let t = Date.parse('2026-12-01T01:00:00Z');
    const dataDir = tempDir();
    const { core, call } = makeCore({ dataDir, ocrWorkers: 1, now: () => t, scrypt: CHEAP });
    value(await call('vault.setup', ADMIN));
    const logged = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true }));
    const caseId = logged.cases[0]!.id;
    const file = { name: 'license.png', bytes: drawPage(['運転免許証', '氏名 鈴木花子', '住所 北海道札幌市中央区北一条西']) };
    const other = { name: 'form.png', bytes: drawPage(['個人情報開示等請求書', '氏名 山田太郎']) };
    await importAndWait(call, [file, other], { caseId });
    const pages = value(await call('pages.list', { caseId }));
    expect(pages).toHaveLength(2);
    const page = pages.find((p) => p.sourceName === 'license.png')!;
    expect(value(await call('search.text', { query: '北海道札幌' })).map((h) => h.pageId)).toEqual([page.id]);

    // Delete → out of the case file and search, in the trash; Undo brings it back whole.
    value(await call('pages.delete', { id: page.id }));
    expect(value(await call('pages.list', { caseId })).map((p) => p.id)).not.toContain(page.id);
    expect(value(await call('search.text', { query: '北海道札幌' }))).toEqual([]);
    const inTrash = value(await call('trash.list', { caseId }));
    expect(inTrash).toEqual([expect.objectContaining({ kind: 'page', id: page.id, caseId, trashed: true, trashedByName: ADMIN.adminName, purgeOn: '2026-12-31' })]);
    expect(inTrash[0]!.thumbnail).toMatch(/^data:image\/(webp|png);base64,/);
    expect(value(await call('trash.list', {})).map((i) => i.id)).toEqual([page.id]);
    const undone = value(await call('trash.restore', { kind: 'page', id: page.id }));
    expect(undone.trashed).toBe(false);
    expect(value(await call('pages.list', { caseId })).map((p) => p.id)).toContain(page.id);
    expect(value(await call('search.text', { query: '北海道札幌' })).map((h) => h.pageId)).toEqual([page.id]);
    expect(value(await call('trash.list', {}))).toEqual([]);
    expect(await call('trash.restore', { kind: 'page', id: page.id })).toMatchObject({ ok: false, error: { code: 'TRASH_GONE' } });

    // Delete again, then import the same file: restored from the trash, not "already imported".
    value(await call('pages.delete', { id: page.id }));
    const again = await importAndWait(call, [file], { caseId });
    expect(again.files[0]).toMatchObject({ state: 'done', duplicate: false, restoredFromTrash: 1, pageIds: [page.id] });
    expect(value(await call('pages.list', { caseId })).map((p) => p.id)).toContain(page.id);
    // A file whose pages are all in place is still "already imported".
    expect((await importAndWait(call, [file], { caseId })).files[0]).toMatchObject({ duplicate: true });

    // The trail says it in order: trashed, restored (by undo), trashed, restored (by re-import).
    const trail = value(await call('audit.list', { action: 'page.restored' })).entries.map((e) => e.summary.via);
    expect(trail.sort()).toEqual(['reimport', 'trash']);
    expect(value(await call('audit.list', { action: 'page.trashed' })).entries).toHaveLength(2);

    // Clerks may delete and restore; only administrators empty the trash for good.
    await addStaffSignedInOnce(call, { displayName: '事務 次郎', login: 'jiro', role: 'clerk', passphrase: 'another long passphrase 42' });
    value(await call('vault.unlock', { login: 'jiro', passphrase: 'another long passphrase 42' }));
    value(await call('pages.delete', { id: page.id }));
    expect(await call('trash.empty', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    value(await call('trash.restore', { kind: 'page', id: page.id }));
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));

    // The bytes of the page as stored: what must be gone from the file after the purge.
    const db = () => core.requireSession().ws.db;
    const stored = await db().selectFrom('pages').select(['image', 'thumbnail']).where('id', '=', page.id).executeTakeFirstOrThrow();
    // Only slices no other page has (blank paper compresses alike on every page).
    const others = await db().selectFrom('pages').select(['image', 'thumbnail']).where('id', '!=', page.id).execute();
    const needles = [...slices(stored.image), ...slices(stored.thumbnail)].filter((n) => !others.some((o) => Buffer.from(o.image).includes(n) || Buffer.from(o.thumbnail).includes(n)));
    expect(needles.length).toBeGreaterThanOrEqual(8);
    const key = core.vault.backupSource().key;
    const dbFile = join(dataDir, 'kaiji.db');

    // Trashed on day 0: still in the vault (encrypted) on day 29, restorable.
    value(await call('pages.delete', { id: page.id }));
    t += 29 * DAY;
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    expect(value(await call('trash.list', {})).map((i) => i.id)).toEqual([page.id]);
    // Positive control: the decryption works and the trashed page's bytes are in the file.
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db());
    const before = decryptedPages(dbFile, key);
    expect(needles.filter((n) => before.includes(n)).length).toBeGreaterThanOrEqual(needles.length - 2);

    // Day 30: the next unlock purges it for good, through the page store's delete.
    t += 1 * DAY + 60_000;
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    expect(value(await call('trash.list', {}))).toEqual([]);
    expect(await call('trash.restore', { kind: 'page', id: page.id })).toMatchObject({ ok: false, error: { code: 'TRASH_GONE' } });
    const purged = value(await call('audit.list', { action: 'trash.purged' })).entries;
    expect(purged).toEqual([expect.objectContaining({ actorId: null, summary: expect.objectContaining({ trigger: 'expired', pages: 1, letters: 0 }) })]);
    expect(value(await call('audit.list', { action: 'page.deleted' })).entries).toHaveLength(1);
    const after = decryptedPages(dbFile, key);
    expect(after.length).toBeGreaterThan(0);
    expect(needles.filter((n) => after.includes(n))).toEqual([]);
    // The other page is untouched.
    expect(value(await call('pages.list', { caseId })).map((p) => p.sourceName)).toEqual(['form.png']);
  });

  it('a discarded letter draft goes to the trash, leaves the case and its obligations, and comes back; emptying purges it', async () => {
    const { call } = makeCore({ dataDir: tempDir(), scrypt: CHEAP });
    const { caseId } = await acceptedCase(call, { 'request.k2': false, 'request.k6': false });
    value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'no_data' }));
    const letter = value(await call('letters.create', { caseId, template: 'no_data' }));
    const owed = async () => value(await call('cases.obligations', { caseId })).owed.map((o) => o.code);
    expect(await owed()).toEqual(['issue']);
    value(await call('letters.discard', { id: letter.id }));
    expect(value(await call('letters.list', { caseId }))).toEqual([]);
    expect(await owed()).toEqual(['compose']);
    expect(await call('letters.issue', { id: letter.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(value(await call('trash.list', { caseId }))).toEqual([expect.objectContaining({ kind: 'letter', id: letter.id, template: 'no_data', title: letter.title })]);
    value(await call('trash.restore', { kind: 'letter', id: letter.id }));
    expect(value(await call('letters.list', { caseId })).map((l) => l.id)).toEqual([letter.id]);
    expect(await owed()).toEqual(['issue']);

    value(await call('letters.discard', { id: letter.id }));
    expect(value(await call('trash.empty', { caseId }))).toEqual({ pages: 0, letters: 1 });
    expect(value(await call('trash.list', {}))).toEqual([]);
    expect(await call('trash.restore', { kind: 'letter', id: letter.id })).toMatchObject({ ok: false, error: { code: 'TRASH_GONE' } });
    const purged = value(await call('audit.list', { action: 'trash.purged' })).entries;
    expect(purged[0]).toMatchObject({ actorName: ADMIN.adminName, summary: expect.objectContaining({ trigger: 'emptied', letters: 1 }) });
  });

  it('the trash period is a setting (1-365 days)', async () => {
    const { call } = makeCore({ dataDir: tempDir(), scrypt: CHEAP });
    value(await call('vault.setup', ADMIN));
    expect(value(await call('settings.get', {})).trashDays).toBe(30);
    expect(value(await call('settings.update', { trashDays: 7 })).trashDays).toBe(7);
    expect(await call('settings.update', { trashDays: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
