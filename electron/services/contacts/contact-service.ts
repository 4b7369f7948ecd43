import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ContactDetail, ContactGuidanceLetter, ContactMailing, ContactSummary, TodayContact } from '@shared/contract/contacts-types';
import type { LetterFile, LetterPages, LetterRecipient } from '@shared/contract/letters-types';
import type { TodayList } from '@shared/contract/today-types';
import type { TrackingStatus } from '@shared/contract';
import { isoDateInJapan } from '@shared/domain/dates';
import { composeGuidanceLetter, type ContactChannel, type LetterDraft, type LetterLang } from '@shared/domain/letters';
import type { OutboundMethod } from '@shared/domain/mail';
import type { RequestKind } from '@shared/domain/page-kind';
import { daysBetween } from '@shared/domain/verification/date-rules';
import { KaijiError, dateOrderError } from '@shared/errors';
import type { AuditLog, Actor } from '../audit/audit-log';
import { rasterizePdf } from '../imaging/pdf-raster';
import { companyOf } from '../letters/letter-render';
import { acceptTrackingNumber } from '../mail/accept-tracking-number';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../vault/schema';
import { renderGuidancePdf } from './guidance-pdf';
import type { ContactLettersTable, ContactsTable } from './schema';
import { newRowId } from '../core/row-id';

type Db = Kysely<Database> | Transaction<Database>;

export interface LogContactInput {
  channel: ContactChannel;
  contactedOn: string;
  contactedTime?: string;
  name: string;
  postalCode: string;
  address: string;
  contactDetail: string;
  requestedKinds: RequestKind[];
  requestNote: string;
  lang: LetterLang;
}

export interface LogMailingInput {
  method: OutboundMethod;
  trackingNumber?: string;
  trackingOverrideReason?: string;
  sentOn: string;
}

export type GuidanceDraftText = Omit<LetterDraft, 'templateId' | 'lang'>;

const FIELD = {
  contactedOn: { fieldJa: '受付日', fieldEn: 'contact date' },
  sentOn: { fieldJa: '差出日', fieldEn: 'sending date' },
} as const;

/**
 * Contacts (I1): a request by phone, e-mail, fax or at the desk is logged (who, when, how,
 * what was asked, where to write) and answered with a guidance letter explaining the mail
 * procedure, with the company's form enclosed. The letter is drafted, may be edited, is
 * issued once (PDF and SHA-256 stored, hash in the audit trail, row frozen) and mailed; until
 * it is mailed the contact counts on Today. Audit summaries carry numbers and codes, never
 * the person's name, address or what they said.
 */
export class ContactService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly settings: SettingsService,
    private readonly now: () => Date,
  ) {}

  private today(): string {
    return isoDateInJapan(this.now());
  }

  async log(actor: Actor, input: LogContactInput): Promise<ContactDetail> {
    if (input.contactedOn > this.today()) throw new KaijiError('DATE_IN_FUTURE', FIELD.contactedOn);
    const id = newRowId();
    await this.db.transaction().execute(async (trx) => {
      const contactNo = await nextContactNo(trx, input.contactedOn.slice(0, 4));
      const row: ContactsTable = {
        id,
        contact_no: contactNo,
        channel: input.channel,
        contacted_on: input.contactedOn,
        contacted_time: input.contactedTime ?? null,
        name: input.name,
        postal_code: input.postalCode,
        address: input.address,
        contact_detail: input.contactDetail,
        requested_kinds: JSON.stringify([...new Set(input.requestedKinds)].sort()),
        request_note: input.requestNote,
        lang: input.lang,
        guidance_state: 'owed',
        created_by: actor.id,
        created_at: this.now().toISOString(),
      };
      await trx.insertInto('contacts').values(row).execute();
      await this.audit.append(trx, actor, {
        action: 'contact.logged',
        recordType: 'contact',
        recordId: id,
        summary: { contactNo, channel: input.channel, kinds: JSON.parse(row.requested_kinds) as string[] },
      });
    });
    return this.detail(this.db, id);
  }

  /** Shows names: audited like a case list (S3). */
  async list(actor: Actor, state: 'owed' | 'mailed' | 'all', limit: number): Promise<ContactSummary[]> {
    let q = this.db.selectFrom('contacts').selectAll();
    if (state !== 'all') q = q.where('guidance_state', '=', state);
    const rows = await q.orderBy('contacted_on', 'desc').orderBy('contact_no', 'desc').limit(limit).execute();
    if (rows.length > 0) await this.audit.append(this.db, actor, { action: 'contact.listed', recordType: 'contact', summary: { state, shown: rows.map((r) => r.contact_no) } });
    const letters = await this.letterStates(rows.map((r) => r.id));
    return rows.map((r) => summaryOf(r, letters.get(r.id) ?? 'none'));
  }

  async open(actor: Actor, id: string): Promise<ContactDetail> {
    const detail = await this.detail(this.db, id);
    await this.audit.append(this.db, actor, { action: 'contact.opened', recordType: 'contact', recordId: id, summary: { contactNo: detail.contactNo } });
    return detail;
  }

  /** Composes the guidance letter from the contact; a draft is replaced, an issued letter refused (LETTER_ISSUED). */
  async compose(actor: Actor, id: string): Promise<ContactDetail> {
    const settings = await this.settings.get();
    await this.db.transaction().execute(async (trx) => {
      const c = await this.row(trx, id);
      const current = await this.letterRow(trx, id);
      if (current?.status === 'issued') throw new KaijiError('LETTER_ISSUED');
      const lang = c.lang as LetterLang;
      // Templates refuse (LETTER_DATA_MISSING) what they cannot write, e.g. no address.
      const draft = composeGuidanceLetter(
        {
          contactNo: c.contact_no,
          recipient: { name: c.name, postalCode: c.postal_code, address: c.address },
          contactedOn: c.contacted_on,
          channel: c.channel as ContactChannel,
          requestedKinds: JSON.parse(c.requested_kinds) as RequestKind[],
          company: companyOf(settings),
        },
        lang,
      );
      const recipient: LetterRecipient = { postalCode: c.postal_code, address: c.address, name: c.name, honorific: '様' };
      const at = this.now().toISOString();
      if (current) await trx.deleteFrom('contact_letters').where('id', '=', current.id).where('status', '=', 'draft').execute();
      const row: ContactLettersTable = {
        id: newRowId(),
        contact_id: id,
        lang,
        draft: JSON.stringify(draft),
        recipient: JSON.stringify(recipient),
        status: 'draft',
        created_by: actor.id,
        created_at: at,
        updated_by: actor.id,
        updated_at: at,
        issued_on: null,
        issued_at: null,
        issued_by: null,
        pdf: null,
        sha256: null,
        page_count: null,
      };
      await trx.insertInto('contact_letters').values(row).execute();
      await this.audit.append(trx, actor, {
        action: 'contact.guidance_drafted',
        recordType: 'contact',
        recordId: id,
        summary: { contactNo: c.contact_no, letterId: row.id, lang, replaced: current?.id ?? null },
      });
    });
    return this.detail(this.db, id);
  }

  /** Staff edit the draft's text or address; an issued letter is refused (LETTER_ISSUED). */
  async update(actor: Actor, id: string, patch: { draft?: GuidanceDraftText; recipient?: LetterRecipient }): Promise<ContactDetail> {
    await this.db.transaction().execute(async (trx) => {
      const c = await this.row(trx, id);
      const letter = await this.requireLetter(trx, id);
      if (letter.status !== 'draft') throw new KaijiError('LETTER_ISSUED');
      const current = JSON.parse(letter.draft) as LetterDraft;
      await trx
        .updateTable('contact_letters')
        .set({
          ...(patch.draft ? { draft: JSON.stringify({ ...patch.draft, templateId: current.templateId, lang: current.lang }) } : {}),
          ...(patch.recipient ? { recipient: JSON.stringify(patch.recipient) } : {}),
          updated_by: actor.id,
          updated_at: this.now().toISOString(),
        })
        .where('id', '=', letter.id)
        .where('status', '=', 'draft')
        .execute();
      await this.audit.append(trx, actor, {
        action: 'contact.guidance_edited',
        recordType: 'contact',
        recordId: id,
        summary: { contactNo: c.contact_no, letterId: letter.id, text: !!patch.draft, recipient: !!patch.recipient },
      });
    });
    return this.detail(this.db, id);
  }

  /** Page images for the in-app preview: the stored PDF, or a draft's sample (見本). */
  async preview(actor: Actor, id: string, dpi: number): Promise<LetterPages> {
    const c = await this.row(this.db, id);
    const letter = await this.requireLetter(this.db, id);
    const pdf = letter.status === 'issued' ? letter.pdf! : (await this.render(c, letter, { sample: true })).pdf;
    const pages: LetterPages['pages'] = [];
    for await (const p of rasterizePdf(pdf, { dpi, fileName: 'guidance.pdf' })) {
      pages.push({ dataUrl: `data:image/png;base64,${p.png.toString('base64')}`, width: p.width, height: p.height });
    }
    await this.audit.append(this.db, actor, { action: 'contact.guidance_previewed', recordType: 'contact', recordId: id, summary: { contactNo: c.contact_no, letterId: letter.id, status: letter.status } });
    return { pages, pageCount: pages.length, draft: letter.status !== 'issued' };
  }

  /** Renders once (letter + form), stores PDF and SHA-256, freezes the row; the hash goes to the audit trail. */
  async issue(actor: Actor, id: string): Promise<ContactDetail> {
    const c = await this.row(this.db, id);
    const before = await this.requireLetter(this.db, id);
    if (before.status !== 'draft') throw new KaijiError('LETTER_ISSUED');
    const issuedOn = this.today();
    const rendered = await this.render(c, before, { issuedOn });
    const sha256 = createHash('sha256').update(rendered.pdf).digest('hex');
    await this.db.transaction().execute(async (trx) => {
      const letter = await this.requireLetter(trx, id);
      // Edited, recomposed or issued by someone else while rendering: refuse, nothing stored.
      if (letter.id !== before.id || letter.status !== 'draft' || letter.updated_at !== before.updated_at) throw new KaijiError('LETTER_ISSUED');
      await trx
        .updateTable('contact_letters')
        .set({ status: 'issued', issued_on: issuedOn, issued_at: this.now().toISOString(), issued_by: actor.id, pdf: Buffer.from(rendered.pdf), sha256, page_count: rendered.pageCount })
        .where('id', '=', letter.id)
        .where('status', '=', 'draft')
        .execute();
      await this.audit.append(trx, actor, {
        action: 'contact.guidance_issued',
        recordType: 'contact',
        recordId: id,
        summary: { contactNo: c.contact_no, letterId: letter.id, lang: letter.lang, issuedOn, sha256, pageCount: rendered.pageCount, letterPages: rendered.letterPages, bytes: rendered.pdf.byteLength },
      });
    });
    return this.detail(this.db, id);
  }

  /** Exactly the stored bytes of the issued letter, or a draft's sample. */
  async pdf(actor: Actor, id: string): Promise<LetterFile> {
    const c = await this.row(this.db, id);
    const letter = await this.requireLetter(this.db, id);
    const bytes = letter.status === 'issued' ? letter.pdf! : Buffer.from((await this.render(c, letter, { sample: true })).pdf);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.audit.append(this.db, actor, { action: 'contact.guidance_downloaded', recordType: 'contact', recordId: id, summary: { contactNo: c.contact_no, letterId: letter.id, status: letter.status, sha256 } });
    return { fileName: `kaiji-${c.contact_no}-guidance${letter.status === 'issued' ? '' : '-draft'}.pdf`, dataBase64: Buffer.from(bytes).toString('base64'), sha256 };
  }

  /**
   * M2: the outbound item carrying the issued guidance letter. Tracking numbers are checked by
   * the mail log's own rule (M1; a wrong one needs a reason). The contact leaves Today.
   */
  async logMailing(actor: Actor, id: string, input: LogMailingInput): Promise<ContactDetail> {
    const tracking = acceptTrackingNumber(input.trackingNumber, input.trackingOverrideReason);
    await this.db.transaction().execute(async (trx) => {
      const c = await this.row(trx, id);
      const letter = await this.requireLetter(trx, id);
      if (letter.status !== 'issued') throw new KaijiError('LETTER_NOT_ISSUED');
      if (c.guidance_state === 'mailed') throw new KaijiError('CONTACT_ALREADY_MAILED');
      if (input.sentOn < letter.issued_on!) throw dateOrderError(FIELD.sentOn, { fieldJa: '発行日', fieldEn: 'issue date' });
      if (input.sentOn > this.today()) throw new KaijiError('DATE_IN_FUTURE', FIELD.sentOn);
      const mailingId = randomUUID();
      await trx
        .insertInto('contact_mailings')
        .values({
          id: mailingId,
          contact_letter_id: letter.id,
          contact_id: id,
          method: input.method,
          tracking_no: tracking.number,
          tracking_status: tracking.status,
          tracking_override_reason: tracking.status === 'overridden' ? input.trackingOverrideReason!.trim() : null,
          sent_on: input.sentOn,
          created_by: actor.id,
          created_at: this.now().toISOString(),
        })
        .execute();
      await trx.updateTable('contacts').set({ guidance_state: 'mailed' }).where('id', '=', id).execute();
      await this.audit.append(trx, actor, {
        action: 'contact.guidance_mailed',
        recordType: 'contact',
        recordId: id,
        summary: { contactNo: c.contact_no, letterId: letter.id, mailingId, method: input.method, trackingStatus: tracking.status, sentOn: input.sentOn },
      });
    });
    return this.detail(this.db, id);
  }

  /** Today: contacts still owed their guidance letter, longest waiting first (one index range). */
  async owed(today: string, limit: number): Promise<TodayList<TodayContact>> {
    const base = this.db.selectFrom('contacts').where('guidance_state', '=', 'owed');
    const [{ n }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.select(['id', 'contact_no', 'name', 'channel', 'contacted_on']).orderBy('contacted_on').orderBy('contact_no').limit(limit).execute(),
    ]);
    const letters = await this.letterStates(rows.map((r) => r.id));
    return {
      count: Number(n),
      items: rows.map((r) => ({
        contactId: r.id,
        contactNo: r.contact_no,
        name: r.name,
        channel: r.channel as ContactChannel,
        contactedOn: r.contacted_on,
        daysWaiting: daysBetween(r.contacted_on, today),
        letterState: (letters.get(r.id) ?? 'none') as TodayContact['letterState'],
      })),
    };
  }

  private async render(c: ContactsTable, letter: ContactLettersTable, opts: { issuedOn?: string; sample?: boolean }) {
    return renderGuidancePdf({
      draft: JSON.parse(letter.draft) as LetterDraft,
      recipient: JSON.parse(letter.recipient) as LetterRecipient,
      contactNo: c.contact_no,
      letterId: letter.id,
      issuedOn: opts.issuedOn ?? this.today(),
      settings: await this.settings.get(),
      sample: opts.sample ?? false,
    });
  }

  private async letterStates(ids: string[]): Promise<Map<string, ContactSummary['letterState']>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('contact_letters')
      .leftJoin('contact_mailings', 'contact_mailings.contact_letter_id', 'contact_letters.id')
      .select(['contact_letters.contact_id', 'contact_letters.status', 'contact_mailings.id as mailing_id'])
      .where('contact_letters.contact_id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.contact_id, r.mailing_id ? 'mailed' : (r.status as 'draft' | 'issued')]));
  }

  private async row(db: Db, id: string): Promise<ContactsTable> {
    const row = await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new KaijiError('NOT_FOUND');
    return row;
  }

  /** The contact's one guidance letter (a recomposed draft replaces the old one). */
  private async letterRow(db: Db, contactId: string): Promise<ContactLettersTable | undefined> {
    return db.selectFrom('contact_letters').selectAll().where('contact_id', '=', contactId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  }

  private async requireLetter(db: Db, contactId: string): Promise<ContactLettersTable> {
    const letter = await this.letterRow(db, contactId);
    if (!letter) throw new KaijiError('NOT_FOUND');
    return letter;
  }

  private async detail(db: Db, id: string): Promise<ContactDetail> {
    const c = await this.row(db, id);
    const letter = await this.letterRow(db, id);
    const mailing = letter ? await db.selectFrom('contact_mailings').selectAll().where('contact_letter_id', '=', letter.id).executeTakeFirst() : undefined;
    const letterState: ContactSummary['letterState'] = mailing ? 'mailed' : ((letter?.status as 'draft' | 'issued' | undefined) ?? 'none');
    const guidance: ContactGuidanceLetter | null = letter
      ? {
          id: letter.id,
          status: letter.status as 'draft' | 'issued',
          lang: letter.lang as LetterLang,
          draft: JSON.parse(letter.draft) as LetterDraft,
          recipient: JSON.parse(letter.recipient) as LetterRecipient,
          issuedOn: letter.issued_on,
          sha256: letter.sha256,
          pageCount: letter.page_count,
        }
      : null;
    const mailed: ContactMailing | null = mailing
      ? { id: mailing.id, method: mailing.method as OutboundMethod, trackingNo: mailing.tracking_no, trackingStatus: mailing.tracking_status as TrackingStatus, sentOn: mailing.sent_on }
      : null;
    return {
      ...summaryOf(c, letterState),
      postalCode: c.postal_code,
      address: c.address,
      contactDetail: c.contact_detail,
      requestNote: c.request_note,
      lang: c.lang as LetterLang,
      letter: guidance,
      mailing: mailed,
    };
  }
}

function summaryOf(r: ContactsTable, letterState: ContactSummary['letterState']): ContactSummary {
  return {
    id: r.id,
    contactNo: r.contact_no,
    channel: r.channel as ContactChannel,
    contactedOn: r.contacted_on,
    contactedTime: r.contacted_time,
    name: r.name,
    requestedKinds: JSON.parse(r.requested_kinds) as RequestKind[],
    guidanceState: r.guidance_state as 'owed' | 'mailed',
    letterState,
    createdAt: r.created_at,
  };
}

/** C2026-0001: per year of the contact, in the logging transaction (the unique index guards). */
async function nextContactNo(trx: Transaction<Database>, year: string): Promise<string> {
  const prefix = `C${year}-`;
  const last = await trx
    .selectFrom('contacts')
    .select((eb) => eb.fn.max('contact_no').as('m'))
    .where('contact_no', 'like', `${prefix}%`)
    .executeTakeFirst();
  const n = last?.m ? Number(String(last.m).slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}
