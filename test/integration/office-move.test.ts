// #16 item 4 ("Moving in and out") and "What it must show" bullet 3, on a real PostgreSQL: a vault
// with a case, its envelope and form fields, decisions, an issued letter (PDF), scanned pages and
// its audit trail moves into an empty office database and back out into a new vault. Every row
// and page is equal on all three, both audit chains verify, every member's passphrase and the
// recovery key open the office and the new vault, targets that are not empty are refused, and
// neither the server's data folder (after CHECKPOINT) nor a dump of every table holds a marker.
import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../electron/services/audit/audit-log';
import { poolConfig } from '../../electron/services/office/office-database';
import { loadKeyring, openKeyring } from '../../electron/services/office/office-keyring';
import { moveOfficeOut, moveVaultIn } from '../../electron/services/office/office-move';
import { DEFAULT_OFFICE_NAMES } from '../../electron/services/office/office-roles';
import { officeKeys } from '../../electron/services/office/office-sealing';
import { COLUMN_CLASSES } from '../../electron/services/office/personal-columns';
import { SealingPlugin } from '../../electron/services/office/sealed-store';
import { PageFiles } from '../../electron/services/pages/page-files';
import { Vault } from '../../electron/services/vault/vault';
import { ADMIN, addStaffSignedInOnce, useCores, value } from '../helpers/core';
import { acceptedCase, decidePartial } from '../helpers/letters-case';
import { useOfficeServer } from '../helpers/office-pg';
import { filesContaining } from '../helpers/scan';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every table, generically
type AnyDb = Kysely<any>;

const office = useOfficeServer();
const makeCore = useCores();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'kaiji-move-'));
  dirs.push(d);
  return d;
}

const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const OCR_MARKER = 'OCRMARKER本人確認書類ぬ';
const IMAGE_MARKER = Buffer.from('IMAGE-MARKER-BYTES-7f3a9c', 'latin1');
const CLERK = { displayName: '受付 次郎', login: 'jiro', role: 'clerk' as const, passphrase: 'clerk passphrase for the office' };

/** Every moved table's rows as sorted JSON (blobs as SHA-256); page images by their bytes, wherever they are kept. */
async function snapshot(db: AnyDb, image: (row: Record<string, unknown>) => Buffer): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of Object.keys(COLUMN_CLASSES)) {
    if (table === 'schema_migrations') continue;
    const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    out[table] = rows
      .map((r) => {
        const cells = Object.keys(COLUMN_CLASSES[table]!)
          .sort()
          .filter((c) => !(table === 'pages' && ['image', 'image_file', 'image_key'].includes(c)))
          .map((c) => [c, r[c] instanceof Uint8Array ? `sha256:${hash(r[c] as Uint8Array)}` : r[c]]);
        if (table === 'pages') cells.push(['image', `sha256:${hash(image(r))}`]);
        return JSON.stringify(cells);
      })
      .sort();
  }
  return out;
}

function withoutAudit(s: Record<string, string[]>): Record<string, string[]> {
  const { audit_log: _l, audit_head: _h, ...rest } = s;
  return rest;
}

describe('moving a vault into an office database and back out', () => {
  it('keeps every row, page and the audit chain, opens for every member, and leaves no marker on the server', async () => {
    const from = tempDir();
    const { core, call } = makeCore({ dataDir: from, ocrWorkers: 1 });
    const { caseId } = await acceptedCase(call);
    await addStaffSignedInOnce(call, CLERK);
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    await decidePartial(call, caseId);
    const letter = value(await call('letters.create', { caseId, template: 'partial_or_refusal' }));
    value(await call('letters.issue', { id: letter.id }));
    // Pages through the real page store (encrypted files beside the vault), with markers in the text and the image.
    const ws = core.requireSession().ws;
    const at = new Date().toISOString();
    await ws.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('imports')
        .values({ id: 'imp1', source_name: '山田太郎_免許証.png', source_sha256: 'f'.repeat(64), envelope_id: null, case_id: caseId, status: 'done', error_code: null, page_count: 2, created_by: null, created_at: at })
        .execute();
      for (const i of [0, 1]) {
        await ws.pages.insert(trx, {
          id: randomUUID(), case_id: caseId, envelope_id: null, import_id: 'imp1', source_page: i, position: i, kind: 'id_document', kind_confirmed: 1, auto_rotation: 0,
          width: 10, height: 10, image: Buffer.concat([IMAGE_MARKER, Buffer.from([i])]), thumbnail: Buffer.concat([IMAGE_MARKER, Buffer.from('thumb')]), ocr_status: 'done',
          ocr_text: `${OCR_MARKER} ${i} 東京都世田谷区桜新町`, ocr_confidence: 91.33333333333333, ocr_words: '[]', form_id: null, created_by: null, created_at: at,
        });
      }
    });
    const { recoveryKey } = { recoveryKey: await recoveryOf(from, call) };
    await core.dispose();

    // The source as a desk sees it.
    const vault = new Vault({ dataDir: from });
    const source = (await vault.unlock(ADMIN.adminLogin, ADMIN.passphrase)).db as AnyDb;
    const files = new PageFiles(from);
    const before = await snapshot(source, (r) => (r.image_file ? files.read(r.image_file as string, r.image_key as Buffer) : Buffer.from(r.image as Buffer)));
    const sourceAudit = await new AuditLog(source as never, () => new Date()).verify();
    await vault.lock();
    expect(sourceAudit.ok).toBe(true);
    expect(before.pages).toHaveLength(2);
    expect(before.letters).toHaveLength(1);

    // In: the owner creates the schema and copies; progress is reported per table.
    const o = office();
    const steps: string[] = [];
    const report = await moveVaultIn({
      from,
      to: o.owner,
      names: DEFAULT_OFFICE_NAMES,
      credentials: { login: CLERK.login, passphrase: CLERK.passphrase },
      progress: (p) => steps.push(`${p.phase}:${p.table}`),
    });
    expect(report.pages).toBe(2);
    expect(steps).toEqual(expect.arrayContaining(['copy:cases', 'copy:pages', 'verify:pages', 'verify:audit_log']));

    // Any member's passphrase and the recovery key open the office key ring; the data opens with it.
    const bare: AnyDb = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool(poolConfig(o.app, 2)) }) });
    try {
      const keyring = (await loadKeyring(bare as never))!;
      const dataKey = (await openKeyring(keyring, { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }))!;
      expect((await openKeyring(keyring, { recoveryKey }))?.equals(dataKey)).toBe(true);
      expect((await openKeyring(keyring, { login: CLERK.login, passphrase: CLERK.passphrase }))?.equals(dataKey)).toBe(true);
      const desk = bare.withPlugin(new SealingPlugin(officeKeys(dataKey, keyring.keyVersion)));
      const inOffice = await snapshot(desk, (r) => Buffer.from(r.image as Buffer));
      expect(withoutAudit(inOffice)).toEqual(withoutAudit(before));
      // The chain verifies and goes on: the source's entries, then who moved it.
      const audit = await new AuditLog(desk as never, () => new Date()).verify();
      expect(audit).toMatchObject({ ok: true, checked: sourceAudit.checked + 1 });
      expect(inOffice.audit_log).toHaveLength(before.audit_log!.length + 1);
      expect(inOffice.audit_log).toEqual(expect.arrayContaining(before.audit_log!));
      const last = await desk.selectFrom('audit_log').select(['action', 'actor_name']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last).toEqual({ action: 'office.moved_in', actor_name: CLERK.displayName });
    } finally {
      await bare.destroy();
    }

    // A second move into the same database is refused, and nothing was written.
    await expect(moveVaultIn({ from, to: o.owner, names: DEFAULT_OFFICE_NAMES, credentials: { recoveryKey } })).rejects.toMatchObject({ code: 'MIGRATE_TARGET_NOT_EMPTY' });

    // What the server holds: no marker in its data folder (after a checkpoint) nor in a dump of every table.
    const su = new pg.Pool({ ...poolConfig(o.superuser, 1), options: '-c search_path=kaiji' });
    const dumpDir = join(o.dir, 'dump');
    try {
      mkdirSync(dumpDir, { mode: 0o777 });
      chmodSync(dumpDir, 0o777); // PostgreSQL writes the COPY files as its own OS user
      await su.query('CHECKPOINT');
      const { rows: tables } = await su.query(`select table_name from information_schema.tables where table_schema = 'kaiji' and table_type = 'BASE TABLE'`);
      for (const { table_name } of tables) await su.query(`COPY kaiji."${table_name}" TO '${join(dumpDir, `${table_name}.copy`)}'`);
      const markers = ['山田', '太郎', 'ヤマダ', '桜新町', '世田谷', '123456789013', 'OCRMARKER', '本人確認書類ぬ', '免許証', '調査記録', '社内の不正調査', '受付 次郎', 'jiro', 'hanako'];
      const binary = [IMAGE_MARKER.toString('latin1'), IMAGE_MARKER.toString('hex')];
      expect(filesContaining(o.clusterDir, [...markers, ...binary])).toEqual([]);
      expect(filesContaining(dumpDir, [...markers, ...binary])).toEqual([]);
      // The scan does find a marker the server was given in the clear (so the empty results mean something).
      await su.query(`create table public.scan_control (t text)`);
      await su.query(`insert into public.scan_control values ('山田 太郎 ' || $1::text)`, [IMAGE_MARKER.toString('hex')]);
      await su.query('CHECKPOINT');
      expect(filesContaining(o.clusterDir, ['山田']).length).toBeGreaterThan(0);
      await su.query(`COPY public.scan_control TO '${join(dumpDir, 'control.copy')}'`);
      expect(filesContaining(dumpDir, [IMAGE_MARKER.toString('hex')])).toEqual([join(dumpDir, 'control.copy')]);
      await su.query(`drop table public.scan_control`);
    } finally {
      await su.end();
    }

    // Out: a new vault from the office database (read as the app role), opened by the same people.
    const out = join(tempDir(), 'vault');
    const nonEmpty = tempDir();
    writeFileSync(join(nonEmpty, 'something'), 'x');
    await expect(moveOfficeOut({ from: o.app, to: nonEmpty, credentials: { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase } })).rejects.toMatchObject({
      code: 'MIGRATE_TARGET_NOT_EMPTY',
    });
    await expect(moveOfficeOut({ from: o.app, to: out, credentials: { login: ADMIN.adminLogin, passphrase: 'not the passphrase at all' } })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(existsSync(out)).toBe(false);
    const back = await moveOfficeOut({ from: o.app, to: out, credentials: { recoveryKey } });
    expect(back.pages).toBe(2);
    const moved = new Vault({ dataDir: out });
    const outDb = (await moved.unlock(CLERK.login, CLERK.passphrase)).db as AnyDb;
    const outFiles = new PageFiles(out);
    const after = await snapshot(outDb, (r) => outFiles.read(r.image_file as string, r.image_key as Buffer));
    expect(withoutAudit(after)).toEqual(withoutAudit(before));
    const outAudit = await new AuditLog(outDb as never, () => new Date()).verify();
    expect(outAudit).toMatchObject({ ok: true, checked: sourceAudit.checked + 2 });
    const actions = (await outDb.selectFrom('audit_log').select('action').orderBy('seq', 'desc').limit(2).execute()).map((r) => r.action);
    expect(actions).toEqual(['office.moved_out', 'office.moved_in']);
    await moved.lock();
    // The moved-out vault is a working desk for the administrator and the recovery key too.
    const { call: outCall } = makeCore({ dataDir: out, ocrWorkers: 1 });
    value(await outCall('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    expect(value(await outCall('cases.get', { id: caseId }))).toMatchObject({ subjectName: '山田 太郎' });
    expect(value(await outCall('audit.verify', {}))).toMatchObject({ ok: true });
  }, 240_000);
});

/** The recovery key of a fresh vault: rotated once through the real channel (setup's own key is not kept by the helper). */
async function recoveryOf(_dir: string, call: ReturnType<typeof makeCore>['call']): Promise<string> {
  return value(await call('vault.rotateRecoveryKey', {})).recoveryKey;
}
