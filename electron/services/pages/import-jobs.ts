import { randomUUID } from 'node:crypto';
import type { ImportFileProgress, ImportJobStatus } from '@shared/contract';
import { errorInfo } from '@shared/errors';
import type { Actor } from '../audit/audit-log';
import type { ImportService, ImportTarget } from './import-service';

/**
 * Imports run in the background, one file after another (OCR inside a file runs in
 * parallel), and report progress for the UI to poll: the same in Electron and web mode.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJobStatus>();
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly imports: ImportService) {}

  start(actor: Actor, files: { name: string; bytes: Buffer }[], target: ImportTarget): ImportJobStatus {
    const job: ImportJobStatus = {
      id: randomUUID(),
      state: 'running',
      files: files.map((f) => ({ name: f.name, state: 'waiting', pagesDone: 0, pagesTotal: 0, pageIds: [], duplicate: false })),
    };
    this.jobs.set(job.id, job);
    this.queue = this.queue.then(() => this.run(job, actor, files, target));
    return snapshot(job);
  }

  status(id: string): ImportJobStatus | undefined {
    const job = this.jobs.get(id);
    return job && snapshot(job);
  }

  get running(): boolean {
    return [...this.jobs.values()].some((j) => j.state === 'running');
  }

  /** Settles when every queued import has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** At lock: files not started are cancelled; a file in flight either commits whole or not at all. */
  close(): void {
    this.closed = true;
  }

  private async run(job: ImportJobStatus, actor: Actor, files: { name: string; bytes: Buffer }[], target: ImportTarget): Promise<void> {
    for (const [i, file] of files.entries()) {
      const progress = job.files[i]!;
      if (this.closed) {
        progress.state = 'cancelled';
        continue;
      }
      progress.state = 'processing';
      try {
        const result = await this.imports.importFile(actor, file, target, (done, total) => {
          progress.pagesDone = done;
          progress.pagesTotal = total;
        });
        if (result.ok) {
          Object.assign(progress, { state: 'done', pageIds: result.pageIds, duplicate: result.duplicate });
          progress.pagesDone = progress.pagesTotal = result.pageIds.length;
        } else {
          Object.assign(progress, { state: 'failed', error: result.error });
        }
      } catch (error) {
        const info = (error as { toInfo?: () => ImportFileProgress['error'] }).toInfo?.() ?? errorInfo('INTERNAL');
        Object.assign(progress, { state: this.closed ? 'cancelled' : 'failed', error: info });
      }
    }
    job.state = 'done';
  }
}

function snapshot(job: ImportJobStatus): ImportJobStatus {
  return { ...job, files: job.files.map((f) => ({ ...f, pageIds: [...f.pageIds] })) };
}
