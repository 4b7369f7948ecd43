import { z } from 'zod';
import { ADMIN, CASEWORK, INTAKE, OVERSIGHT, channel, displayName, id, isoDate, isoDateOf, login, loginAttempt, multilineText, newPassphrase, none, passphrase, role, secret, text, token, typedDate, base64, type Channel } from './channel';
import { caseFieldValue, isFieldName } from './case-fields';
import { rowVersion } from './row-version';
import { verificationChannels } from './channels/verification';
import { ledgerChannels } from './channels/ledger';
import { mailChannels } from './channels/mail';
import { letterChannels } from './channels/letters';
import { todayChannels } from './channels/today';
import { contactChannels } from './channels/contacts';
import { lifecycleChannels } from './channels/lifecycle';
import { backupChannels } from './channels/backup';
import { retentionChannels } from './channels/retention';
import { auditChannels } from './channels/audit';
import { readingChannels } from './channels/reading';
import { provisionChannels } from './channels/provisions';
import { reportChannels } from './channels/reports';
import { caseListInput, worklistChannels } from './channels/worklists';
import { trashChannels } from './channels/trash';
import { approvalChannels } from './channels/approval';
import { officeChannels } from './channels/office';
import { deliveryMethods } from '../domain/mail';
import { CASE_STATES } from '../domain/case-state';
import { REFUSAL_GROUNDS } from '../domain/letters/types';
import { WITHDRAWAL_ACK_POLICIES, WITHDRAWAL_WAYS } from '../domain/obligations';
import { PAGE_KINDS } from '../domain/page-kind';
import type { Checklist } from '../domain/verification/types';
import { AGENT_PROOF_TYPES } from '../domain/verification/agents';
import { ID_DOCUMENT_TYPES } from '../domain/verification/identity-documents';
import type {
  AppInfo,
  AuditPage,
  AuditVerification,
  CaseDetail,
  CaseDocument,
  CasePage,
  Envelope,
  ImportJobStatus,
  PageSummary,
  TextHit,
  EnvelopeLogged,
  CaseSummary,
  SessionUser,
  Settings,
  SetupResult,
  StaffMember,
  VaultStatus,
} from './types';

/** The office settings an administrator edits (settings.update takes any of them). */
const settingsFields = z.object({
  companyName: text(120, { min: 1 }),
  companyAddress: text(300),
  contactPoint: text(300),
  administratorTitle: text(120),
  idleLockMinutes: z.number().int().min(1).max(240),
  freeUnlockAttempts: z.number().int().min(1).max(20),
  scannerFolder: text(1000),
  companyPostalCode: text(8).regex(/^(\d{3}-?\d{4})?$/, 'postal_code'),
  responseTargetDays: z.number().int().min(1).max(365),
  responseDayCount: z.enum(['calendar', 'business']),
  repeatPeriodMonths: z.number().int().min(1).max(120),
  moneyOrderWarningDays: z.number().int().min(1).max(180),
  deficientWaitDays: z.number().int().min(1).max(365),
  withdrawalAcknowledgement: z.enum(WITHDRAWAL_ACK_POLICIES),
  approvalRequired: z.boolean(),
  trashDays: z.number().int().min(1).max(365),
});

/** #16 item 3: each key's optimistic version as the desk read it (services/settings/settings-service.ts). */
const settingsVersions = z
  .object(Object.fromEntries(Object.keys(settingsFields.shape).map((k) => [k, z.number().int().min(0).max(2_147_483_647)])) as Record<keyof typeof settingsFields.shape, z.ZodNumber>)
  .partial();

export const contract = {
  'app.info': channel<AppInfo>()({ access: 'public', input: none }),

  'vault.status': channel<VaultStatus>()({ access: 'public', input: none }),
  'vault.setup': channel<SetupResult>()({
    access: 'public',
    input: z.object({
      companyName: text(120, { min: 1 }),
      adminName: displayName,
      adminLogin: login,
      passphrase: newPassphrase,
    }),
  }),
  'vault.unlock': channel<SessionUser>()({
    access: 'public',
    input: z.object({ login: loginAttempt(), passphrase }),
  }),
  'vault.recover': channel<SessionUser>()({
    access: 'public',
    input: z.object({
      recoveryKey: secret(200),
      login: loginAttempt(),
      newPassphrase,
    }),
  }),
  'vault.lock': channel<null>()({ access: 'session', input: none }),
  'vault.rekey': channel<{ rotatedAt: string }>()({ access: ADMIN, input: none }),
  'vault.rotateRecoveryKey': channel<{ recoveryKey: string }>()({ access: ADMIN, input: none }),

  'session.touch': channel<null>()({ access: 'session', input: none }),
  'session.changePassphrase': channel<null>()({
    access: 'session',
    input: z.object({ current: passphrase, next: newPassphrase }),
  }),

  'staff.list': channel<StaffMember[]>()({ access: ADMIN, input: none }),
  'staff.add': channel<StaffMember>()({
    access: ADMIN,
    input: z.object({ displayName, login, role, passphrase: newPassphrase }),
  }),
  'staff.setStatus': channel<StaffMember>()({
    access: ADMIN,
    input: z.object({ id, status: z.enum(['active', 'disabled']) }),
  }),
  'staff.setRole': channel<StaffMember>()({ access: ADMIN, input: z.object({ id, role }) }),
  'staff.resetPassphrase': channel<null>()({
    access: ADMIN,
    input: z.object({ id, passphrase: newPassphrase }),
  }),
  'staff.remove': channel<null>()({ access: ADMIN, input: z.object({ id }) }),

  'settings.get': channel<Settings>()({ access: 'session', input: none }),
  'settings.update': channel<Settings>()({
    access: ADMIN,
    // #16 item 3: `versions` holds the versions of the keys this edit changes, as the desk read them (0: not stored yet).
    input: settingsFields.partial().extend({ versions: settingsVersions.optional() }),
  }),

  'audit.list': channel<AuditPage>()({
    access: OVERSIGHT,
    personal: true,
    input: z.object({
      action: text(64).optional(),
      actorId: id.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      /**
       * Codes (actions, summary field names, value codes) whose words, as the trail shows them,
       * contain the searched text: the renderer owns the words, the server matches the codes.
       */
      codes: z.array(token(64).regex(/^[A-Za-z0-9_.]{1,64}$/)).max(300).optional(),
      text: text(100).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  }),
  'audit.verify': channel<AuditVerification>()({ access: OVERSIGHT, input: none }),

  'cases.list': channel<CasePage>()({
    access: CASEWORK,
    personal: true,
    /** #13 item 1: server-side paging, sorting and filters (channels/worklists.ts). */
    input: caseListInput,
  }),
  'cases.get': channel<CaseSummary>()({ access: CASEWORK, personal: true, input: z.object({ id }) }),
  'cases.updateSubject': channel<CaseSummary>()({
    access: INTAKE,
    personal: true,
    input: z.object({
      id,
      name: text(120, { min: 1 }),
      kana: text(120).default(''),
      birthDate: isoDateOf('birth').optional(),
      address: text(300).optional(),
      /** #16 item 3: the case's version the desk showed; a stale one is refused as CONFLICT. */
      version: rowVersion,
    }),
  }),

  'envelopes.log': channel<EnvelopeLogged>()({
    access: INTAKE,
    personal: true,
    input: z.object({
      arrivedOn: isoDate,
      delivery: z.enum(deliveryMethods),
      trackingNumber: text(40).optional(),
      trackingOverrideReason: text(300).optional(),
      redMarking: z.boolean(),
      senderName: text(120).default(''),
      senderAddress: text(300).default(''),
      note: multilineText(1000).default(''),
      applications: z.number().int().min(1).max(20).default(1),
      /** I4: this envelope is the re-sent set of a case waiting in `deficient` (no new case). */
      resubmissionFor: id.optional(),
    }),
  }),
  'cases.detail': channel<CaseDetail>()({ access: CASEWORK, personal: true, input: z.object({ id }) }),
  'cases.setFields': channel<{ version: number }>()({
    access: INTAKE,
    input: z.object({
      id,
      /** #16 item 3: the case's version the desk showed; a stale one is refused as CONFLICT. */
      version: rowVersion,
      // Only the form's own fields; each value checked for what it means (dates, one line or several).
      fields: z.array(z.object({ field: text(64).refine(isFieldName, 'field'), value: multilineText(2000) }).superRefine(caseFieldValue)).min(1).max(100),
    }),
  }),
  'cases.addNote': channel<null>()({ access: INTAKE, input: z.object({ id, body: multilineText(5000, { min: 1 }) }) }),

  'pages.import': channel<ImportJobStatus>()({
    access: INTAKE,
    input: z.object({
      files: z
        .array(z.object({ name: text(255, { min: 1 }), data: base64(60_000_000) }))
        .min(1)
        .max(50),
      caseId: id.optional(),
      envelopeId: id.optional(),
    }),
  }),
  'pages.importStatus': channel<ImportJobStatus>()({ access: INTAKE, input: z.object({ jobId: id }) }),
  'pages.list': channel<PageSummary[]>()({
    access: CASEWORK,
    personal: true,
    input: z.object({ caseId: id.optional(), envelopeId: id.optional() }),
  }),
  'pages.image': channel<{ dataUrl: string; width: number; height: number }>()({ access: CASEWORK, personal: true, input: z.object({ id }) }),
  'pages.text': channel<{ text: string }>()({ access: CASEWORK, personal: true, input: z.object({ id }) }),
  'pages.setKind': channel<PageSummary>()({ access: INTAKE, personal: true, input: z.object({ id, kind: z.enum(PAGE_KINDS) }) }),
  'pages.move': channel<PageSummary>()({ access: INTAKE, personal: true, input: z.object({ id, caseId: id }) }),
  'pages.reorder': channel<PageSummary[]>()({ access: INTAKE, personal: true, input: z.object({ caseId: id, ids: z.array(id).min(1).max(500) }) }),
  'pages.rotate': channel<PageSummary>()({
    access: INTAKE,
    personal: true,
    input: z.object({ id, degrees: z.union([z.literal(90), z.literal(180), z.literal(270)]) }),
  }),
  'pages.delete': channel<null>()({ access: INTAKE, input: z.object({ id }) }),
  'search.text': channel<TextHit[]>()({ access: CASEWORK, personal: true, input: z.object({ query: text(100, { min: 1 }) }) }),
  'scanner.poll': channel<ImportJobStatus>()({ access: INTAKE, input: none }),
  'forms.applicationForm': channel<{ fileName: string; dataBase64: string }>()({
    access: CASEWORK,
    input: z.object({ fillable: z.boolean().default(true) }),
  }),

  'documents.record': channel<CaseDocument>()({
    access: INTAKE,
    personal: true,
    // By kind, so a refused value is named at its field (a plain union names only the whole; #13 item 11c).
    input: z.discriminatedUnion('kind', [
      z.object({
        caseId: id,
        pageId: id.optional(),
        party: z.enum(['subject', 'agent']),
        kind: z.literal('id'),
        type: z.enum(ID_DOCUMENT_TYPES),
        name: text(120),
        address: text(300),
        birthDate: typedDate('birth').optional(),
        issuedOn: typedDate('issued').optional(),
        validUntil: typedDate('validity').optional(),
      }),
      z.object({
        caseId: id,
        pageId: id.optional(),
        party: z.literal('agent'),
        kind: z.literal('agent_proof'),
        type: z.enum(AGENT_PROOF_TYPES),
        issuedOn: typedDate('issued').optional(),
      }),
    ]),
  }),
  'documents.list': channel<CaseDocument[]>()({ access: CASEWORK, personal: true, input: z.object({ caseId: id }) }),
  'documents.remove': channel<null>()({ access: INTAKE, input: z.object({ id }) }),
  'cases.transition': channel<CaseSummary>()({
    access: INTAKE,
    personal: true,
    // ground: why a case is refused (R3) or how a withdrawal came (letter, phone, other; #10).
    input: z.object({ id, to: z.enum(CASE_STATES), reason: multilineText(2000).optional(), ground: z.enum([...REFUSAL_GROUNDS, ...WITHDRAWAL_WAYS]).optional() }),
  }),
  'cases.checklist': channel<Checklist>()({ access: CASEWORK, personal: true, input: z.object({ id }) }),

  'envelopes.list': channel<Envelope[]>()({
    access: CASEWORK,
    personal: true,
    input: z.object({ from: isoDate.optional(), to: isoDate.optional(), limit: z.number().int().min(1).max(500).default(100) }),
  }),

  // Capabilities added later keep their channels in their own files (shared/contract/channels/).
  ...verificationChannels,
  ...ledgerChannels,
  ...mailChannels,
  ...letterChannels,
  ...todayChannels,
  ...contactChannels,
  ...lifecycleChannels,
  ...backupChannels,
  ...retentionChannels,
  ...auditChannels,
  ...readingChannels,
  ...provisionChannels,
  ...reportChannels,
  ...worklistChannels,
  ...trashChannels,
  ...approvalChannels,
  ...officeChannels,
} as const;

export type { Channel };
export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> =
  Contract[C] extends Channel<z.ZodType, infer O> ? O : never;

export const channelNames = Object.keys(contract) as ChannelName[];
