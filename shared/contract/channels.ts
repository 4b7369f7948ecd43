import { z } from 'zod';
import { ADMIN, CASEWORK, INTAKE, OVERSIGHT, channel, displayName, id, isoDate, login, none, passphrase, role, type Channel } from './channel';
import { verificationChannels } from './channels/verification';
import { ledgerChannels } from './channels/ledger';
import { mailChannels } from './channels/mail';
import { letterChannels } from './channels/letters';
import { todayChannels } from './channels/today';
import { provisionChannels } from './channels/provisions';
import { reportChannels } from './channels/reports';
import { deliveryMethods } from '../domain/mail';
import { CASE_STATES } from '../domain/case-state';
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

export const contract = {
  'app.info': channel<AppInfo>()({ access: 'public', input: none }),

  'vault.status': channel<VaultStatus>()({ access: 'public', input: none }),
  'vault.setup': channel<SetupResult>()({
    access: 'public',
    input: z.object({
      companyName: z.string().trim().min(1).max(120),
      adminName: displayName,
      adminLogin: login,
      passphrase,
    }),
  }),
  'vault.unlock': channel<SessionUser>()({
    access: 'public',
    input: z.object({ login: z.string().trim().toLowerCase().min(1).max(32), passphrase }),
  }),
  'vault.recover': channel<SessionUser>()({
    access: 'public',
    input: z.object({
      recoveryKey: z.string().min(1).max(200),
      login: z.string().trim().toLowerCase().min(1).max(32),
      newPassphrase: passphrase,
    }),
  }),
  'vault.lock': channel<null>()({ access: 'session', input: none }),
  'vault.rekey': channel<{ rotatedAt: string }>()({ access: ADMIN, input: none }),
  'vault.rotateRecoveryKey': channel<{ recoveryKey: string }>()({ access: ADMIN, input: none }),

  'session.touch': channel<null>()({ access: 'session', input: none }),
  'session.changePassphrase': channel<null>()({
    access: 'session',
    input: z.object({ current: passphrase, next: passphrase }),
  }),

  'staff.list': channel<StaffMember[]>()({ access: ADMIN, input: none }),
  'staff.add': channel<StaffMember>()({
    access: ADMIN,
    input: z.object({ displayName, login, role, passphrase }),
  }),
  'staff.setStatus': channel<StaffMember>()({
    access: ADMIN,
    input: z.object({ id, status: z.enum(['active', 'disabled']) }),
  }),
  'staff.setRole': channel<StaffMember>()({ access: ADMIN, input: z.object({ id, role }) }),
  'staff.resetPassphrase': channel<null>()({
    access: ADMIN,
    input: z.object({ id, passphrase }),
  }),
  'staff.remove': channel<null>()({ access: ADMIN, input: z.object({ id }) }),

  'settings.get': channel<Settings>()({ access: 'session', input: none }),
  'settings.update': channel<Settings>()({
    access: ADMIN,
    input: z
      .object({
        companyName: z.string().trim().min(1).max(120),
        companyAddress: z.string().max(300),
        contactPoint: z.string().max(300),
        administratorTitle: z.string().max(120),
        idleLockMinutes: z.number().int().min(1).max(240),
        freeUnlockAttempts: z.number().int().min(1).max(20),
        scannerFolder: z.string().trim().max(1000),
        companyPostalCode: z.string().trim().regex(/^(\d{3}-?\d{4})?$/, 'postal_code'),
        responseTargetDays: z.number().int().min(1).max(365),
        responseDayCount: z.enum(['calendar', 'business']),
        repeatPeriodMonths: z.number().int().min(1).max(120),
        moneyOrderWarningDays: z.number().int().min(1).max(180),
        deficientWaitDays: z.number().int().min(1).max(365),
      })
      .partial(),
  }),

  'audit.list': channel<AuditPage>()({
    access: OVERSIGHT,
    input: z.object({
      action: z.string().max(64).optional(),
      actorId: id.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      text: z.string().max(100).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  }),
  'audit.verify': channel<AuditVerification>()({ access: OVERSIGHT, input: none }),

  'cases.list': channel<CasePage>()({
    access: CASEWORK,
    input: z.object({
      query: z.string().max(100).optional(),
      /** 'urgency': most urgent deadline first (I5); ignored while searching. */
      sort: z.enum(['received', 'urgency']).default('received'),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
  }),
  'cases.get': channel<CaseSummary>()({ access: CASEWORK, input: z.object({ id }) }),
  'cases.updateSubject': channel<CaseSummary>()({
    access: INTAKE,
    input: z.object({
      id,
      name: z.string().trim().min(1).max(120),
      kana: z.string().trim().max(120).default(''),
      birthDate: isoDate.optional(),
      address: z.string().trim().max(300).optional(),
    }),
  }),

  'envelopes.log': channel<EnvelopeLogged>()({
    access: INTAKE,
    input: z.object({
      arrivedOn: isoDate,
      delivery: z.enum(deliveryMethods),
      trackingNumber: z.string().max(40).optional(),
      trackingOverrideReason: z.string().trim().max(300).optional(),
      redMarking: z.boolean(),
      senderName: z.string().trim().max(120).default(''),
      senderAddress: z.string().trim().max(300).default(''),
      note: z.string().trim().max(1000).default(''),
      applications: z.number().int().min(1).max(20).default(1),
      /** I4: this envelope is the re-sent set of a case waiting in `deficient` (no new case). */
      resubmissionFor: id.optional(),
    }),
  }),
  'cases.detail': channel<CaseDetail>()({ access: CASEWORK, input: z.object({ id }) }),
  'cases.setFields': channel<null>()({
    access: INTAKE,
    input: z.object({
      id,
      fields: z.array(z.object({ field: z.string().min(1).max(64), value: z.string().max(2000) })).min(1).max(100),
    }),
  }),
  'cases.addNote': channel<null>()({ access: INTAKE, input: z.object({ id, body: z.string().trim().min(1).max(5000) }) }),

  'pages.import': channel<ImportJobStatus>()({
    access: INTAKE,
    input: z.object({
      files: z
        .array(z.object({ name: z.string().min(1).max(255), data: z.string().max(60_000_000) }))
        .min(1)
        .max(50),
      caseId: id.optional(),
      envelopeId: id.optional(),
    }),
  }),
  'pages.importStatus': channel<ImportJobStatus>()({ access: INTAKE, input: z.object({ jobId: id }) }),
  'pages.list': channel<PageSummary[]>()({
    access: CASEWORK,
    input: z.object({ caseId: id.optional(), envelopeId: id.optional() }),
  }),
  'pages.image': channel<{ dataUrl: string; width: number; height: number }>()({ access: CASEWORK, input: z.object({ id }) }),
  'pages.text': channel<{ text: string }>()({ access: CASEWORK, input: z.object({ id }) }),
  'pages.setKind': channel<PageSummary>()({ access: INTAKE, input: z.object({ id, kind: z.enum(PAGE_KINDS) }) }),
  'pages.move': channel<PageSummary>()({ access: INTAKE, input: z.object({ id, caseId: id }) }),
  'pages.reorder': channel<PageSummary[]>()({ access: INTAKE, input: z.object({ caseId: id, ids: z.array(id).min(1).max(500) }) }),
  'pages.rotate': channel<PageSummary>()({
    access: INTAKE,
    input: z.object({ id, degrees: z.union([z.literal(90), z.literal(180), z.literal(270)]) }),
  }),
  'pages.delete': channel<null>()({ access: INTAKE, input: z.object({ id }) }),
  'search.text': channel<TextHit[]>()({ access: CASEWORK, input: z.object({ query: z.string().trim().min(1).max(100) }) }),
  'scanner.poll': channel<ImportJobStatus>()({ access: INTAKE, input: none }),
  'forms.applicationForm': channel<{ fileName: string; dataBase64: string }>()({
    access: CASEWORK,
    input: z.object({ fillable: z.boolean().default(true) }),
  }),

  'documents.record': channel<CaseDocument>()({
    access: INTAKE,
    input: z.union([
      z.object({
        caseId: id,
        pageId: id.optional(),
        party: z.enum(['subject', 'agent']),
        kind: z.literal('id'),
        type: z.enum(ID_DOCUMENT_TYPES),
        name: z.string().trim().max(120),
        address: z.string().trim().max(300),
        birthDate: z.string().max(40).optional(),
        issuedOn: z.string().max(40).optional(),
        validUntil: z.string().max(40).optional(),
      }),
      z.object({
        caseId: id,
        pageId: id.optional(),
        party: z.literal('agent'),
        kind: z.literal('agent_proof'),
        type: z.enum(AGENT_PROOF_TYPES),
        issuedOn: z.string().max(40).optional(),
      }),
    ]),
  }),
  'documents.list': channel<CaseDocument[]>()({ access: CASEWORK, input: z.object({ caseId: id }) }),
  'documents.remove': channel<null>()({ access: INTAKE, input: z.object({ id }) }),
  'cases.transition': channel<CaseSummary>()({
    access: INTAKE,
    input: z.object({ id, to: z.enum(CASE_STATES), reason: z.string().trim().max(2000).optional() }),
  }),
  'cases.checklist': channel<Checklist>()({ access: CASEWORK, input: z.object({ id }) }),

  'envelopes.list': channel<Envelope[]>()({
    access: CASEWORK,
    input: z.object({ from: isoDate.optional(), to: isoDate.optional(), limit: z.number().int().min(1).max(500).default(100) }),
  }),

  // Capabilities added later keep their channels in their own files (shared/contract/channels/).
  ...verificationChannels,
  ...ledgerChannels,
  ...mailChannels,
  ...letterChannels,
  ...todayChannels,
  ...provisionChannels,
  ...reportChannels,
} as const;

export type { Channel };
export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> =
  Contract[C] extends Channel<z.ZodType, infer O> ? O : never;

export const channelNames = Object.keys(contract) as ChannelName[];
