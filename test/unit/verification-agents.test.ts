import { describe, expect, it } from 'vitest';
import { type AgentInput, checkAgent } from '../../shared/domain/verification';
import { license } from './verification-fixtures';

const agent = { name: '山田 花子', kana: 'ヤマダ ハナコ', address: '東京都新宿区西早稲田2-20-15' };
const agentId = license({ name: '山田花子', birthDate: undefined });
const input = (over: Partial<AgentInput>): AgentInput => ({ applicantType: 'appointed', proofs: [], agentIds: [agentId], agent, applicationDate: '2026-03-31', ...over });
const summary = (over: Partial<AgentInput>) => checkAgent(input(over)).map((r) => `${r.ruleId}:${r.status}`);

describe('D7 agents', () => {
  it('a self application needs no agent documents', () => {
    expect(summary({ applicantType: 'self', agentIds: [] })).toEqual(['D7:pass']);
  });
  it('an unknown applicant type needs review', () => {
    expect(summary({ applicantType: '', agentIds: [] })).toEqual(['D7:needs_review']);
    expect(summary({ applicantType: undefined })).toEqual(['D7:needs_review']);
  });

  it.each([
    // statutory: one proof of authority + the agent's ID
    ['statutory', [{ type: 'family_register' }], true, ['D7:pass', 'D2:pass']],
    ['statutory', [{ type: 'health_insurance' }], true, ['D7:pass', 'D2:pass']],
    ['statutory', [{ type: 'residence_certificate' }], true, ['D7:pass', 'D2:pass']],
    ['statutory', [{ type: 'power_of_attorney' }], true, ['D7:fail', 'D2:pass']], // a POA proves no legal authority
    ['statutory', [], true, ['D7:fail', 'D2:pass']],
    ['statutory', [{ type: 'family_register' }], false, ['D7:pass', 'I4:fail']],
    // appointed: power of attorney AND the agent's own ID
    ['appointed', [{ type: 'power_of_attorney' }], true, ['D7:pass', 'D2:pass']],
    ['appointed', [{ type: 'power_of_attorney' }], false, ['D7:pass', 'I4:fail']],
    ['appointed', [{ type: 'family_register' }], true, ['D7:fail', 'D2:pass']],
    ['appointed', [], false, ['D7:fail', 'I4:fail']],
  ] as const)('%s with %j, agent ID %s -> %j', (applicantType, proofs, withId, expected) => {
    expect(summary({ applicantType, proofs: [...proofs], agentIds: withId ? [agentId] : [] })).toEqual(expected);
  });

  it("the agent's ID is judged by D1-D5 against the agent, not the data subject", () => {
    const poa = [{ type: 'power_of_attorney' as const }];
    expect(summary({ proofs: poa, agentIds: [license({ name: '山田太郎' })] })).toEqual(['D7:pass', 'D2:fail']); // the subject's licence
    expect(summary({ proofs: poa, agentIds: [{ ...agentId, validUntil: '2026-03-30' }] })).toEqual(['D7:pass', 'D2:fail']);
    expect(summary({ proofs: poa, agentIds: [{ ...agentId, validUntil: '2026-03-31' }] })).toEqual(['D7:pass', 'D2:pass']);
    expect(summary({ proofs: poa, agentIds: [{ type: 'residence_certificate', name: '山田花子', address: agent.address, issuedOn: '2026-02-28' }] })).toEqual(['D7:pass', 'D1:pass']);
    expect(summary({ proofs: poa, agentIds: [{ type: 'residence_certificate', name: '山田花子', address: agent.address, issuedOn: '2026-02-27' }] })).toEqual(['D7:pass', 'D1:fail']);
    const r = checkAgent(input({ proofs: poa }))[1]!;
    expect(r.party).toBe('agent');
  });

  it('a proof dated after the application date fails; an impossible date fails', () => {
    expect(summary({ proofs: [{ type: 'power_of_attorney', issuedOn: '2026-04-01' }] })).toEqual(['D7:fail', 'D2:pass']);
    expect(summary({ proofs: [{ type: 'power_of_attorney', issuedOn: '2026-03-31' }] })).toEqual(['D7:pass', 'D2:pass']);
    const bad = checkAgent(input({ proofs: [{ type: 'power_of_attorney', issuedOn: '令和8年2月30日' }] }))[0]!;
    expect(bad.status).toBe('fail');
    expect(bad.findings![0]!.message.ja).toContain('存在しない日付');
  });

  it('the missing document is named in both languages', () => {
    const [d7] = checkAgent(input({ applicantType: 'statutory' }));
    const f = d7!.findings!.find((x) => x.status === 'fail')!;
    expect(f.message.ja).toContain('戸籍謄本');
    expect(f.message.en).toContain('family register');
    const [p] = checkAgent(input({}));
    expect(p!.findings!.find((x) => x.status === 'fail')!.message).toEqual({ ja: '委任状', en: 'A power of attorney' });
  });
});
