import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor } from '../audit/audit-log';
import type { ImportFileResult, ImportService } from './import-service';

const SCAN_FILE = /\.(jpe?g|png|tiff?|pdf)$/i;

/**
 * The scanner's "scan to folder" target. A file is imported once its size and time have
 * stopped changing (the scanner finished writing), and leaves the folder only after all
 * its pages are stored encrypted; a file that cannot be read stays, and is not retried
 * until it changes.
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
    let names: string[];
    try {
      names = (await readdir(this.folder)).filter((n) => SCAN_FILE.test(n) && !n.startsWith('.')).sort();
    } catch {
      return []; // folder missing or unreadable: nothing to do until it is there
    }
    const results: ImportFileResult[] = [];
    for (const name of names) {
      const path = join(this.folder, name);
      let signature: string;
      try {
        const s = await stat(path);
        if (!s.isFile()) continue;
        signature = `${s.size}:${s.mtimeMs}`;
      } catch {
        continue;
      }
      const stable = this.seen.get(name) === signature;
      this.seen.set(name, signature);
      if (!stable || this.failed.get(name) === signature) continue;
      const result = await this.imports.importFile(this.actor, { name, bytes: await readFile(path) }, {});
      if (result.ok) {
        await unlink(path);
        this.seen.delete(name);
        this.failed.delete(name);
      } else {
        this.failed.set(name, signature);
      }
      results.push(result);
      this.onResult(result);
    }
    return results;
  }
}
