import { expect } from 'vitest';
import type { ImportJobStatus } from '../../shared/contract';
import { value, type Call } from './core';

/** Starts an import through the channel and polls its progress until it is done. */
export async function importAndWait(call: Call, files: { name: string; bytes: Buffer }[], target: { caseId?: string; envelopeId?: string } = {}): Promise<ImportJobStatus> {
  const job = value(await call('pages.import', { files: files.map((f) => ({ name: f.name, data: f.bytes.toString('base64') })), ...target }));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = value(await call('pages.importStatus', { jobId: job.id }));
    if (status.state === 'done') return status;
    expect(Date.now()).toBeLessThan(deadline);
    await new Promise((r) => setTimeout(r, 200));
  }
}
