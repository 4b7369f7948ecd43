import type { ImportFileProgress, ImportJobStatus } from '@shared/contract';
import { errorInfo } from '@shared/errors';
import type { Actor } from '../audit/audit-log';
import type { ImportService, ImportTarget, PreparedFile } from './import-service';
import { newRowId } from '../core/row-id';

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
      id: newRowId(),
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

  /**
   * Files are prepared two at a time (the OCR pool has a worker per core) and stored in the
   * order they were given, so a case's pages keep the order staff chose.
   */
  private async run(job: ImportJobStatus, actor: Actor, files: { name: string; bytes: Buffer }[], target: ImportTarget): Promise<void> {
    const prepared = files.map(() => null as Promise<PreparedFile | null> | null);
    const prepare = (i: number) =>
      (prepared[i] ??= (async () => {
        if (this.closed) return null;
        const progress = job.files[i]!;
        progress.state = 'processing';
        return this.imports.prepare(files[i]!, target, (done, total) => {
          progress.pagesDone = done;
          progress.pagesTotal = total;
        });
      })());
    for (let i = 0; i < files.length; i++) {
      const progress = job.files[i]!;
      void prepare(i).catch(() => null);
      if (i + 1 < files.length) void prepare(i + 1).catch(() => null);
      try {
        const ready = await prepare(i);
        if (!ready || this.closed) {
          progress.state = 'cancelled';
          continue;
        }
        const result = await this.imports.store(actor, ready, target);
        if (result.ok) {
          Object.assign(progress, { state: 'done', pageIds: result.pageIds, duplicate: result.duplicate, ...(result.restoredFromTrash ? { restoredFromTrash: result.restoredFromTrash } : {}) });
          if (result.attachedToCase) {
            progress.attachedToCase = result.attachedToCase;
            // A returned notice takes the files after it in the same job along (the re-sent set).
            target = { ...target, caseId: result.attachedToCase.caseId };
          }
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
