import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { KaijiError } from '@shared/errors';

/** Same folder Electron's app.getPath('userData') gives for productName "Kaiji". */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Kaiji');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Kaiji');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Kaiji');
}

/** `--data-dir`, else `KAIJI_DATA_DIR`, else the OS app-data folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env.KAIJI_DATA_DIR ?? defaultDataDir(env));
}

export function ensureDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  privateTree(dir);
}

/**
 * Finding 10: the folder 0700 and every file in it 0600 (database, WAL, key slots, lock,
 * backups), also for files an older Kaiji or a copy left readable by others.
 */
export function privateTree(dir: string): void {
  if (process.platform === 'win32') return;
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) privateTree(path);
    else if (stat.isFile() && (stat.mode & 0o777) !== 0o600) chmodSync(path, 0o600);
  }
}

const LOCK_FILE = 'kaiji.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One Kaiji per data folder: two writers would race on the key-slot file.
 * A lock left by a process that died (kill -9, power loss) is taken over.
 */
export function acquireDirLock(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8'));
      if (pid === process.pid || !Number.isInteger(pid) || !alive(pid)) {
        rmSync(path, { force: true });
        continue;
      }
      throw new KaijiError('VAULT_BUSY');
    }
  }
  throw new KaijiError('VAULT_BUSY');
}
