import { createHash } from 'node:crypto';
import type { AuditProblem } from '@shared/contract';
import type { AuditLogTable } from '../vault/schema';

export const GENESIS_HASH = '0'.repeat(64);

/** An audit_log row: every column takes part in the chain. */
export type ChainRow = AuditLogTable;

/** Hash of one entry over every field and its predecessor's hash (S3). */
export function entryHash(row: Omit<ChainRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.record_type,
    row.record_id,
    row.summary,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Walks the chain in order and says where it breaks: an entry whose content no longer
 * matches its hash (altered), a gap in the numbering (deleted), a link that does not
 * fit its predecessor (inserted), and a head anchor that disagrees with the last entry
 * (entries cut from or added to the end).
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  readonly problems: AuditProblem[] = [];
  checked = 0;

  add(row: ChainRow): void {
    this.checked++;
    let gap = false;
    if (row.seq > this.expectedSeq) {
      this.problems.push({ seq: this.expectedSeq, kind: 'deleted' });
      gap = true;
    }
    if (entryHash(row) !== row.hash) {
      this.problems.push({ seq: row.seq, kind: 'altered' });
    } else if (!gap && row.prev_hash !== this.prevHash) {
      this.problems.push({ seq: row.seq, kind: 'inserted' });
    }
    this.prevHash = row.hash;
    this.expectedSeq = row.seq + 1;
  }

  finish(head: { seq: number; hash: string } | undefined): AuditProblem[] {
    const lastSeq = this.expectedSeq - 1;
    const headSeq = head?.seq ?? 0;
    if (headSeq > lastSeq) this.problems.push({ seq: lastSeq + 1, kind: 'deleted' });
    else if (headSeq < lastSeq) this.problems.push({ seq: headSeq + 1, kind: 'inserted' });
    else if (head && head.hash !== this.prevHash) this.problems.push({ seq: headSeq, kind: 'head_mismatch' });
    return this.problems;
  }
}
