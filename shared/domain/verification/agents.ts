import type { Bilingual } from '../../result';
import { dateText, readDate } from './date-rules';
import { checkIdentity, type IdDocument, type Person } from './identity-documents';
import type { Finding, RuleResult } from './types';

export type ApplicantType = 'self' | 'statutory' | 'appointed';

/** Documents proving the agent's authority (D7). */
export const AGENT_PROOF_TYPES = ['family_register', 'health_insurance', 'residence_certificate', 'power_of_attorney'] as const;
export type AgentProofType = (typeof AGENT_PROOF_TYPES)[number];

export const AGENT_PROOF_LABELS: Record<AgentProofType, Bilingual> = {
  family_register: { ja: '戸籍謄本の写し', en: 'family register transcript' },
  health_insurance: { ja: '健康保険証の写し', en: 'health insurance certificate' },
  residence_certificate: { ja: '住民票の写し', en: 'residence certificate' },
  power_of_attorney: { ja: '委任状', en: 'power of attorney' },
};

/** Statutory agents (法定代理人) prove their authority with one of these. */
export const STATUTORY_PROOFS: readonly AgentProofType[] = ['family_register', 'health_insurance', 'residence_certificate'];

export interface AgentProof {
  type: AgentProofType;
  /** Issue date (or, for a power of attorney, the date it was signed), if recorded. */
  issuedOn?: string;
  /** Read from the scan by Kaiji and not yet confirmed. */
  suggested?: boolean;
}

export interface AgentInput {
  applicantType: ApplicantType | string | undefined;
  proofs: readonly AgentProof[];
  /** The agent's own ID document(s), judged by D1-D5 against the agent's name and address. */
  agentIds: readonly IdDocument[];
  agent: Person;
  /** ISO, or null when unreadable. */
  applicationDate: string | null;
}

const STATUTORY_PROOF_TEXT: Bilingual = {
  ja: '法定代理権を証明する書類（戸籍謄本、健康保険証又は住民票の写しのいずれか1点）',
  en: "A document proving the statutory agent's authority (one of: family register transcript, health insurance certificate, residence certificate)",
};
const POA_TEXT: Bilingual = { ja: '委任状', en: 'A power of attorney' };

/**
 * D7. A statutory agent needs one proof of authority and (as the office requires) the agent's
 * own ID; an appointed agent needs a power of attorney AND the agent's own valid ID (D1-D5
 * applied to the agent). Returns the D7 result and, for agent applications, the agent's ID
 * result (party 'agent'). A self application needs nothing here (D7 passes).
 * A proof dated after the application date fails.
 */
export function checkAgent(input: AgentInput): RuleResult[] {
  const type = input.applicantType;
  if (type === 'self') {
    return [{ ruleId: 'D7', status: 'pass', message: { ja: '本人による請求です（代理人書類は不要）。', en: 'The data subject applies in person (no agent documents needed).' } }];
  }
  if (type !== 'statutory' && type !== 'appointed') {
    return [
      {
        ruleId: 'D7',
        status: 'needs_review',
        message: { ja: '請求者の区分（本人・法定代理人・任意代理人）が不明なため、代理人書類を判断できません。', en: 'The applicant type (self / statutory / appointed agent) is unknown, so agent documents cannot be judged.' },
      },
    ];
  }
  const findings: Finding[] = [];
  for (const p of input.proofs) {
    if (!p.issuedOn?.trim() || input.applicationDate === null) continue;
    const label = AGENT_PROOF_LABELS[p.type];
    const r = readDate(p.issuedOn, { ja: `${label.ja}の日付`, en: `The date of the ${label.en}` });
    if (!r.ok) findings.push({ code: 'proof_date_invalid', status: 'fail', message: r.message });
    else if (r.iso > input.applicationDate) {
      findings.push({
        code: 'proof_after_application',
        status: 'fail',
        message: { ja: `${label.ja}の日付（${dateText(r.iso).ja}）が請求日より後です。`, en: `The ${label.en} is dated ${r.iso}, after the application date.` },
      });
    }
  }
  if (type === 'statutory') {
    const has = input.proofs.some((p) => STATUTORY_PROOFS.includes(p.type));
    findings.push(
      has
        ? { code: 'statutory_proof', status: 'pass', message: { ja: '法定代理権を証明する書類があります。', en: "A proof of the statutory agent's authority is enclosed." } }
        : { code: 'statutory_proof_missing', status: 'fail', message: STATUTORY_PROOF_TEXT },
    );
  } else {
    const has = input.proofs.some((p) => p.type === 'power_of_attorney');
    findings.push(
      has
        ? { code: 'power_of_attorney', status: 'pass', message: { ja: '委任状があります。', en: 'A power of attorney is enclosed.' } }
        : { code: 'power_of_attorney_missing', status: 'fail', message: POA_TEXT },
    );
  }
  if (input.proofs.some((p) => p.suggested)) {
    findings.push({ code: 'proof_suggested', status: 'needs_review', message: { ja: 'Kaijiが写しから読み取った書類があります。確認してください。', en: 'A document was read from its copy by Kaiji: confirm it.' } });
  }
  const failed = findings.some((x) => x.status === 'fail');
  const review = !failed && findings.some((x) => x.status === 'needs_review');
  const d7: RuleResult = {
    ruleId: 'D7',
    status: failed ? 'fail' : review ? 'needs_review' : 'pass',
    party: 'agent',
    message: failed
      ? { ja: '代理人の権限を証明する書類に不備があります。', en: "The documents proving the agent's authority are insufficient." }
      : review
        ? { ja: '代理人の権限を証明する書類に確認が必要です。', en: "The documents proving the agent's authority need review." }
        : { ja: '代理人の権限を証明する書類を確認しました。', en: "The documents proving the agent's authority are in order." },
    findings,
    details: { applicantType: type },
  };
  return [d7, checkIdentity(input.agentIds, input.agent, input.applicationDate, 'agent')];
}
