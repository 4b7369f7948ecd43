import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { restoreBackup } from '../electron/services/backup/restore';
import { KaijiCore } from '../electron/services/core/kaiji-core';
import type { Database } from '../electron/services/vault/schema';
import { result, type BenchResult } from './report';

const ADMIN = { companyName: 'ベンチ株式会社', adminName: '管理 太郎', adminLogin: 'admin', passphrase: 'bench passphrase long enough' };

/** Cases and pages inserted directly (page blobs of random bytes: incompressible like JPEG scans). */
async function fill(db: Kysely<Database>, cases: number, pages: number, pageBytes: number): Promise<void> {
  const at = new Date().toISOString();
  const importId = randomUUID();
  await db.insertInto('imports').values({ id: importId, source_name: 'bench', source_sha256: 'bench', envelope_id: null, case_id: null, status: 'done', error_code: null, page_count: pages, created_by: null, created_at: at }).execute();
  const ids: string[] = [];
  for (let i = 0; i < cases; i += 500) {
    const rows = Array.from({ length: Math.min(500, cases - i) }, (_, j) => {
      const id = randomUUID();
      ids.push(id);
      const n = i + j;
      return { id, case_no: `2026-${String(n).padStart(6, '0')}`, status: 'closed', status_since: at, received_on: '2026-01-01', subject_name: `氏名${n}`, subject_kana: `シメイ${n}`, subject_birth_date: null, subject_address: null, subject_name_key: `氏名${n}`, subject_kana_key: '', created_by: null, created_at: at, updated_at: at };
    });
    await db.insertInto('cases').values(rows).execute();
  }
  for (let i = 0; i < pages; i += 50) {
    await db.transaction().execute(async (trx) => {
      for (let j = i; j < Math.min(pages, i + 50); j++) {
        await trx
          .insertInto('pages')
          .values({
            id: randomUUID(), case_id: ids[j % ids.length]!, envelope_id: null, import_id: importId, source_page: 1, position: j, kind: 'other', kind_confirmed: 1, auto_rotation: 0,
            width: 2480, height: 3508, image: randomBytes(pageBytes), thumbnail: randomBytes(6_000), ocr_status: 'done', ocr_text: `ページ ${j}`, ocr_confidence: 90, ocr_words: '[]', form_id: null, created_by: null, created_at: at,
          })
          .execute();
      }
    });
  }
}

/**
 * Backup and restore throughput (#15 item 1): a vault of `cases` cases and `pages` pages; the
 * backup (copy on a worker, encrypt, read back and verify) and the restore (verify, decrypt,
 * integrity check, audit chain), in seconds and MB/s of database; and how long the app's event
 * loop was held at most while the backup ran (the app must stay usable).
 * KAIJI_BENCH_BACKUP_PAGES / KAIJI_BENCH_PAGE_KB scale it (issue target: 20,000 pages).
 */
export async function benchBackup(cases = 10_000, pages = Number(process.env.KAIJI_BENCH_BACKUP_PAGES ?? 2_000), pageKb = Number(process.env.KAIJI_BENCH_PAGE_KB ?? 200)): Promise<BenchResult[]> {
  const root = mkdtempSync(join(tmpdir(), 'kaiji-bench-backup-'));
  const core = new KaijiCore({ dataDir: join(root, 'vault'), mode: 'web', scrypt: { N: 2 ** 14, r: 8, p: 1 } });
  try {
    await core.setup(ADMIN);
    const s = core.requireSession();
    await fill(s.ws.db, cases, pages, pageKb * 1024);
    const folder = join(root, 'backups');
    mkdirSync(folder);
    await s.ws.backups.updateSettings(s.actor, { folder });
    const dbBytes = statSync(join(root, 'vault', 'kaiji.db')).size;

    let worstStall = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const t = performance.now();
      worstStall = Math.max(worstStall, t - last - 20);
      last = t;
    }, 20);
    const t0 = performance.now();
    const run = await s.ws.backups.run(s.actor);
    const backupS = (performance.now() - t0) / 1000;
    clearInterval(probe);

    const t2 = performance.now();
    await restoreBackup({ file: join(folder, run.fileName!), targetDir: join(root, 'restored'), credentials: { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase } });
    const restoreS = (performance.now() - t2) / 1000;
    const mb = dbBytes / 1_048_576;
    return [
      result(`backup: ${cases} cases, ${pages} pages (${Math.round(mb)} MB)`, backupS, 's', null),
      result('backup throughput (copy, encrypt, read back, verify)', mb / backupS, 'MB/s', null, true),
      result('restore (decrypt, integrity check, audit chain)', restoreS, 's', null),
      result('restore throughput', mb / restoreS, 'MB/s', null, true),
      result('longest event-loop stall while backing up', worstStall, 'ms', 250),
      result('backup file size / database size', (run.bytes ?? 0) / dbBytes, 'ratio', 1.01),
    ];
  } finally {
    await core.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}
