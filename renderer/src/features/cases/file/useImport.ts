import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportFileProgress, ImportJobStatus } from '@shared/contract';
import { errorInfo } from '@shared/errors';
import { kaiji } from '../../../api';
import { batches, fileToBase64, isScanFile, MAX_FILE_BASE64 } from '../../../ui/files';
import { useCall } from '../../../ui/useCall';

const POLL_MS = 500;

/** One file of the current import, as shown in the progress list. */
export interface ImportRow extends ImportFileProgress {
  /** Before the server has it: being read from disk, or being sent. */
  phase?: 'reading' | 'sending';
  /** Refused here before sending (too big for one request). */
  tooLarge?: boolean;
}

const waiting = (name: string, phase: ImportRow['phase']): ImportRow => ({
  name,
  state: 'waiting',
  pagesDone: 0,
  pagesTotal: 0,
  pageIds: [],
  duplicate: false,
  phase,
});

/**
 * Sends scans to `pages.import` (in batches below the request size limit) and follows
 * each job with `pages.importStatus` every 500 ms until every file is settled.
 */
export function useImport(caseId: string | undefined, onFinished: () => void) {
  const { run } = useCall();
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [busy, setBusy] = useState(false);
  const alive = useRef(true);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const start = useCallback(
    async (files: File[]) => {
      if (files.length === 0 || busy) return;
      setBusy(true);
      const initial = files.map((f) =>
        isScanFile(f) ? waiting(f.name, 'reading') : { ...waiting(f.name, undefined), state: 'failed' as const, error: errorInfo('FILE_UNSUPPORTED', { file: f.name }) },
      );
      setRows(initial);
      try {
        // Read one by one: a stack of 20 MB scans is never all in memory twice.
        const payload: { name: string; data: string; index: number }[] = [];
        for (const [index, file] of files.entries()) {
          if (initial[index]!.state === 'failed') continue;
          let data: string;
          try {
            data = await fileToBase64(file);
          } catch {
            setRows((prev) => prev.map((r, i) => (i === index ? { ...r, phase: undefined, state: 'failed', error: errorInfo('FILE_CORRUPT', { file: file.name }) } : r)));
            continue;
          }
          if (data.length > MAX_FILE_BASE64) {
            setRows((prev) => prev.map((r, i) => (i === index ? { ...r, phase: undefined, state: 'failed', tooLarge: true } : r)));
            continue;
          }
          payload.push({ name: file.name || `scan-${index + 1}`, data, index });
          setRows((prev) => prev.map((r, i) => (i === index ? { ...r, phase: 'sending' } : r)));
        }
        const follows: Promise<void>[] = [];
        for (const batch of batches(payload)) {
          const result = await run(() => kaiji.pages.import({ files: batch.map(({ name, data }) => ({ name, data })), ...(caseId ? { caseId } : {}) }));
          if (!alive.current) return;
          if (!result.ok) {
            const indexes = new Set(batch.map((b) => b.index));
            setRows((prev) => prev.map((r, i) => (indexes.has(i) ? { ...r, phase: undefined, state: 'failed', error: result.error } : r)));
            continue;
          }
          // The job lists the batch's files in order; map them back to their rows.
          const positions = batch.map((b) => b.index);
          follows.push(followMapped(result.value, positions));
        }
        await Promise.all(follows);
      } finally {
        if (alive.current) {
          setBusy(false);
          finished.current();
        }
      }

      async function followMapped(job: ImportJobStatus, positions: number[]) {
        let status = job;
        const put = (s: ImportJobStatus) =>
          setRows((prev) => {
            const next = [...prev];
            s.files.forEach((f, k) => {
              const at = positions[k];
              if (at !== undefined) next[at] = { ...f };
            });
            return next;
          });
        put(status);
        while (status.state === 'running' && alive.current) {
          await new Promise((r) => window.setTimeout(r, POLL_MS));
          if (!alive.current) return;
          const result = await run(() => kaiji.pages.importStatus({ jobId: status.id }), { notify: false });
          if (!result.ok) {
            const error = result.error;
            setRows((prev) =>
              prev.map((r, i) => (positions.includes(i) && (r.state === 'waiting' || r.state === 'processing') ? { ...r, state: 'failed', error } : r)),
            );
            return;
          }
          status = result.value;
          put(status);
        }
      }
    },
    [busy, caseId, run],
  );

  return { rows, busy, start, clear: () => setRows([]) };
}
