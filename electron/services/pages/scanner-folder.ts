import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { sep } from 'node:path';
import { errorInfo } from '@shared/errors';
import type { Actor } from '../audit/audit-log';
import type { ImportFileResult, ImportService } from './import-service';

/**
 * The scanner's "scan to folder" target. A file is imported once its size and time have
 * stopped changing (the scanner finished writing), and leaves the folder only after all
 * its pages are stored encrypted; a file that cannot be read stays, and is not retried
 * until it changes.
 *
 * Every regular file is looked at (issue 12 item 8): a name starting with a dot, without a
 * scan extension, with odd characters or bytes that are not UTF-8 is imported by its content
 * or reported as failed - never silently skipped. Names are handled as raw bytes, so a file
 * the scanner named in another encoding is still read and removed.
 */
export class ScannerFolder {
  private readonly seen = new Map<string, string>();
  private readonly failed = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<ImportFileResult[]> | null = null;

  constructor(
    private readonly folder: string,
    private readonly imports: ImportService,
    private readonly actor: Actor,
    private readonly onResult: (result: ImportFileResult) => void = () => undefined,
  ) {}

  start(intervalMs = 3_000): void {
    this.timer = setInterval(() => void this.poll(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.busy;
  }

  /** One pass over the folder; overlapping calls share the pass in flight. */
  poll(): Promise<ImportFileResult[]> {
    this.busy ??= this.pass().finally(() => (this.busy = null));
    return this.busy;
  }

  private async pass(): Promise<ImportFileResult[]> {
    let entries: Buffer[];
    try {
      entries = (await readdir(this.folder, { encoding: 'buffer' })).sort(Buffer.compare);
    } catch {
      return []; // folder missing or unreadable: nothing to do until it is there
    }
    const results: ImportFileResult[] = [];
    const report = (result: ImportFileResult) => {
      results.push(result);
      this.onResult(result);
    };
    for (const raw of entries) {
      // Shown and recorded with U+FFFD for bytes that are not UTF-8; read by the raw bytes.
      const name = raw.toString('utf8');
      const key = raw.toString('hex');
      const path = Buffer.concat([Buffer.from(this.folder + sep), raw]);
      let signature: string;
      try {
        const s = await stat(path);
        if (!s.isFile()) continue; // folders (and the like) hold no scan
        signature = `${s.size}:${s.mtimeMs}`;
      } catch {
        // Vanished between listing and looking (the scanner renamed it): seen on the next pass.
        continue;
      }
      const stable = this.seen.get(key) === signature;
      this.seen.set(key, signature);
      if (!stable || this.failed.get(key) === signature) continue;
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch {
        this.failed.set(key, signature);
        report({ name, ok: false, error: errorInfo('FILE_CORRUPT', { file: name }) });
        continue;
      }
      const result = await this.imports.importFile(this.actor, { name, bytes }, {});
      if (result.ok) {
        await unlink(path);
        this.seen.delete(key);
        this.failed.delete(key);
      } else {
        this.failed.set(key, signature);
      }
      report(result);
    }
    return results;
  }
}
