/**
 * Checklist wording that tells the truth (issue #10 item 7): a document classed on a page but
 * not recorded yet is "enclosed, not recorded" (needs review), never "not enclosed" (fail);
 * F1 with no kind recorded is needs review, never a pass.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runChecklist } from '../../shared/domain/verification/checklist';
import { checkFee } from '../../shared/domain/verification/fees';
import { completeFields, completeInput } from './verification-fixtures';

const rule = (results: ReturnType<typeof runChecklist>, id: string) => results.find((r) => r.ruleId === id || (id === 'FEE' && (r.ruleId === 'F1' || r.ruleId === 'F3')));

describe('enclosed but not recorded yet vs not enclosed (#10 item 7)', () => {
  it('no ID recorded: fail when no page is classed as ID, needs review naming the pages when one is', () => {
    const none = rule(runChecklist(completeInput({ subjectIds: [] })), 'I4')!;
    expect(none.status).toBe('fail');
    expect(none.message.ja).toContain('同封されていません');
    const enclosed = runChecklist(completeInput({ subjectIds: [], enclosedPages: { idDocument: 1, moneyOrder: 0 } })).find((r) => r.party === 'subject' && r.ruleId === 'I4')!;
    expect(enclosed.status).toBe('needs_review');
    expect(enclosed.message.ja).toContain('同封されていますが、まだ記録されていません');
    expect(enclosed.message.en).toContain('not recorded yet');
    expect(enclosed.findings!.map((f) => f.code)).toEqual(['enclosed_unrecorded']);
  });

  it('no money order recorded: F3 fail without a page, needs review with one', () => {
    expect(rule(runChecklist(completeInput({ moneyOrders: [] })), 'FEE')!.status).toBe('fail');
    const enclosed = rule(runChecklist(completeInput({ moneyOrders: [], enclosedPages: { idDocument: 0, moneyOrder: 2 } })), 'FEE')!;
    expect(enclosed.status).toBe('needs_review');
    expect(enclosed.message.ja).toContain('定額小為替のページ（2枚）');
  });

  it('a recorded document is judged on its own: pages make no difference to a pass', () => {
    fc.assert(
      fc.property(fc.nat(5), fc.nat(5), (id, mo) => {
        const results = runChecklist(completeInput({ enclosedPages: { idDocument: id, moneyOrder: mo } }));
        expect(results.map((r) => r.status)).toEqual(runChecklist(completeInput()).map((r) => r.status));
      }),
    );
  });

  it('F1 with no kind recorded is needs review, never "no fee needed"', () => {
    const r = checkFee([], []);
    expect(r.status).toBe('needs_review');
    expect(r.message.ja).toContain('請求種別が記録されていない');
    const all = runChecklist(completeInput({ fields: completeFields({ 'request.k1': 'false', 'request.k2': 'false', 'request.k6': 'false' }), moneyOrders: [] }));
    expect(rule(all, 'FEE')!.status).not.toBe('pass');
  });
});
