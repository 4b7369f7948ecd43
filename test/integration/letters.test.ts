import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ADMIN, firstSignIn, useCores, value } from '../helpers/core';
import { acceptedCase, decidePartial } from '../helpers/letters-case';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

/** The text pdf.js extracts from every page (the glyphs themselves are checked by OCR elsewhere). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out.push(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
  }
  await doc.loadingTask.destroy();
  return out.join('\n');
}

describe('decisions per requested kind (R1-R4)', () => {
  it('validates with decisionProblem, refuses kinds not asked, moves accepted -> deciding, audits each save', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    const { caseId } = await acceptedCase(call);

    const noGround = await call('decisions.record', { caseId, kind: 'K1', outcome: 'partial', grounds: [], reasonText: '一部のみ' });
    expect(noGround).toMatchObject({ ok: false, error: { code: 'DECISION_INVALID' } });
    if (!noGround.ok) {
      expect(noGround.error.message.ja).toContain('法令上の理由');
      expect(noGround.error.message.en).toContain('legal ground');
    }
    // R4: an alternative measure only for K4/K5.
    expect(await call('decisions.record', { caseId, kind: 'K1', outcome: 'alternative', alternativeMeasure: '代替' })).toMatchObject({ ok: false, error: { code: 'DECISION_INVALID' } });
    // K3 was not ticked on this application.
    expect(await call('decisions.record', { caseId, kind: 'K3', outcome: 'done' })).toMatchObject({ ok: false, error: { code: 'KIND_NOT_REQUESTED' } });
    expect(value(await call('cases.get', { id: caseId })).status).toBe('accepted');

    const first = value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'not_done', grounds: ['harm', 'harm', 'other_law'], reasonText: ' 第三者の権利を害するため ' }));
    expect(first).toMatchObject({ kind: 'K1', outcome: 'not_done', grounds: ['harm', 'other_law'], reasonText: '第三者の権利を害するため' });
    expect(value(await call('cases.get', { id: caseId })).status).toBe('deciding');

    const replaced = value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'partial', grounds: ['business'], reasonText: '一部', enclosures: ['写し 1通', ' '] }));
    expect(replaced.id).toBe(first.id);
    expect(replaced.enclosures).toEqual(['写し 1通']);
    const list = value(await call('decisions.list', { caseId }));
    expect(list.requestedKinds).toEqual(['K1', 'K2', 'K6']);
    expect(list.decisions.map((d) => [d.kind, d.outcome])).toEqual([['K1', 'partial']]);

    const audit = value(await call('audit.list', { text: caseId }));
    const actions = audit.entries.map((e) => e.action);
    expect(actions).toContain('decision.recorded');
    expect(actions).toContain('decision.replaced');
    // The administrator's words stay out of the trail.
    expect(JSON.stringify(audit.entries)).not.toContain('第三者の権利を害するため');
  });

  it('is the administrator\'s: a clerk is refused and nothing is stored', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    const { caseId } = await acceptedCase(call);
    value(await call('staff.add', { displayName: '事務 次郎', login: 'jiro', role: 'clerk', passphrase: 'another long passphrase 42' }));
    await firstSignIn(call, 'jiro', 'another long passphrase 42'); // #13 item 8: an administrator set it
    expect(await call('decisions.record', { caseId, kind: 'K1', outcome: 'done' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(value(await call('decisions.list', { caseId })).decisions).toEqual([]);
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    expect(value(await call('cases.get', { id: caseId })).status).toBe('accepted');
  });
});

describe('letters: draft, issue, freeze, reprint (issue #6 items 2-4)', () => {
  it('issues a partial-disclosure notice: edits before, frozen after, hash in the audit trail, case responding', async () => {
    const { core, call } = makeCore({ dataDir: tempDir() });
    const { caseId, caseNo } = await acceptedCase(call);
    // R1: the answer waits for every requested kind.
    value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'partial', grounds: ['business'], reasonText: '調査記録は開示しません。', enclosures: ['会員登録情報の写し 1通'] }));
    expect(await call('letters.create', { caseId, template: 'partial_or_refusal' })).toMatchObject({ ok: false, error: { code: 'LETTER_NEEDS_DECISIONS' } });
    await decidePartial(call, caseId);

    const suggested = value(await call('letters.suggest', { caseId })).map((s) => s.template);
    expect(suggested).toEqual(expect.arrayContaining(['partial_or_refusal', 'purpose_of_use', 'no_data']));

    const draft = value(await call('letters.create', { caseId, template: 'partial_or_refusal' }));
    expect(draft).toMatchObject({ status: 'draft', caseNo, recipient: { name: '山田 太郎', postalCode: '154-0015', honorific: '様' } });
    const edited = value(await call('letters.update', { id: draft.id, draft: { ...textOf(draft.draft), body: [...draft.draft.body, '本書に関するご質問は下記窓口までお問い合わせください。'] } }));
    expect(edited.draft.body.at(-1)).toBe('本書に関するご質問は下記窓口までお問い合わせください。');

    const preview = value(await call('letters.preview', { id: draft.id, dpi: 50 }));
    expect(preview.draft).toBe(true);
    expect(preview.pages[0]!.dataUrl).toMatch(/^data:image\/png;base64,/);
    // A draft prints only as a sample (見本): it can never pass for the issued letter.
    const sample = value(await call('letters.pdf', { id: draft.id }));
    expect(sample.fileName).toMatch(/-draft\.pdf$/);
    expect(await pdfText(Buffer.from(sample.dataBase64, 'base64'))).toContain('見本');

    const issued = value(await call('letters.issue', { id: draft.id }));
    expect(issued).toMatchObject({ status: 'issued', finalResponse: true });
    expect(issued.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(value(await call('cases.get', { id: caseId })).status).toBe('responding');

    // The stored bytes are what the hash in the audit trail says.
    const file = value(await call('letters.pdf', { id: draft.id }));
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(issued.sha256);
    const audit = value(await call('audit.list', { action: 'letter.issued' }));
    expect(audit.entries[0]!.summary).toMatchObject({ caseNo, letterId: draft.id, sha256: issued.sha256, template: 'partial_or_refusal' });
    expect(await pdfText(bytes)).toContain('本書に関するご質問は下記窓口までお問い合わせください。');
    expect(await pdfText(bytes)).not.toContain('見本');

    // Frozen: the service refuses (bilingual), and so does the database itself.
    const refused = await call('letters.update', { id: draft.id, draft: textOf(draft.draft) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LETTER_ISSUED' } });
    if (!refused.ok) expect(refused.error.message.ja).toContain('発行済み');
    expect(await call('letters.discard', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'LETTER_ISSUED' } });
    expect(await call('letters.issue', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'LETTER_ISSUED' } });
    const db = core.requireSession().ws.db;
    // On an office database the desk refuses a raw write of a sealed table before the server's trigger
    // (which office-postgres.test.ts checks on its own): either way nothing changes.
    const frozen = process.env.KAIJI_TEST_BACKEND === 'postgres' ? /LETTER_ISSUED|sealed columns/ : /LETTER_ISSUED/;
    await expect(sql`UPDATE letters SET pdf = ${Buffer.from([0])} WHERE id = ${draft.id}`.execute(db)).rejects.toThrow(frozen);
    await expect(sql`UPDATE letters SET draft = '{}' WHERE id = ${draft.id}`.execute(db)).rejects.toThrow(frozen);
    await expect(sql`DELETE FROM letters WHERE id = ${draft.id}`.execute(db)).rejects.toThrow(/LETTER_ISSUED/);
    const again = value(await call('letters.pdf', { id: draft.id }));
    expect(again.sha256).toBe(issued.sha256);

    // Reprint: same text, marked 控 / COPY, counted and audited; the original stays unmarked.
    expect(await pdfText(bytes)).not.toContain('COPY');
    const copy = value(await call('letters.reprint', { id: draft.id }));
    const copyText = await pdfText(Buffer.from(copy.dataBase64, 'base64'));
    expect(copyText).toContain('控');
    expect(copyText).toContain('COPY');
    expect(copyText).toContain('本書に関するご質問は下記窓口までお問い合わせください。');
    expect(copy.sha256).not.toBe(issued.sha256);
    expect(value(await call('letters.get', { id: draft.id })).reprintCount).toBe(1);
    expect(value(await call('audit.list', { action: 'letter.reprinted' })).entries[0]!.summary).toMatchObject({ copy: 1, originalSha256: issued.sha256 });
  });

  it('lists letters to send until the outbound mail is logged, and closes the case on proof of delivery of the combined reply (M2, R1)', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    const { caseId } = await acceptedCase(call);
    await decidePartial(call, caseId);
    // One combined reply answers K1, K2 and K6 (#10 item 4): its delivery leaves nothing owed.
    const letter = value(await call('letters.create', { caseId, template: 'combined_reply' }));
    value(await call('letters.issue', { id: letter.id }));
    expect(value(await call('letters.overview', { filter: 'to_send' })).map((l) => l.id)).toEqual([letter.id]);
    expect(value(await call('letters.toSendCount', {})).count).toBe(1);

    const item = value(await call('mail.logOutbound', { caseId, letterId: letter.id, method: 'ippan_kakitome', trackingNumber: '123456789013', proofRequested: true, sentOn: today(), closesCase: true }));
    expect(value(await call('letters.overview', { filter: 'to_send' }))).toEqual([]);
    expect(value(await call('letters.get', { id: letter.id })).mail).toMatchObject({ id: item.id, method: 'ippan_kakitome', proofRequested: true });
    expect(value(await call('cases.get', { id: caseId })).status).toBe('responding');

    const delivered = value(await call('mail.recordDelivery', { id: item.id, deliveredOn: today(), proofReceivedOn: today() }));
    expect(delivered.caseClosed).toBe(true);
    expect(value(await call('cases.get', { id: caseId })).status).toBe('closed');
  });

  it('closes a responding case by hand only with a reason, administrators only', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    const { caseId } = await acceptedCase(call);
    expect(await call('letters.closeCase', { caseId, reason: '配達証明なし' })).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    await decidePartial(call, caseId);
    const letter = value(await call('letters.create', { caseId, template: 'no_data' }));
    value(await call('letters.issue', { id: letter.id }));
    expect(await call('letters.closeCase', { caseId, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    value(await call('staff.add', { displayName: '事務 次郎', login: 'jiro', role: 'clerk', passphrase: 'another long passphrase 42' }));
    await firstSignIn(call, 'jiro', 'another long passphrase 42'); // #13 item 8: an administrator set it
    expect(await call('letters.closeCase', { caseId, reason: '配達証明なし' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    expect(value(await call('letters.closeCase', { caseId, reason: '普通郵便で送付、配達証明なし' })).status).toBe('closed');
  });

  it('returns money orders with the return letter and marks them returned with its id (F4)', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    const { caseId } = await acceptedCase(call, { 'request.k1': false, 'request.k2': false, 'request.k6': false, 'request.k3': true, 'request.reason': '住所の訂正' });
    const order = value(await call('moneyOrders.record', { caseId, certificateNo: '12-345678', faceValue: 1000, issuedOn: '2026-11-01', issuingOffice: '世田谷郵便局', receivedOn: '2026-11-21' }));
    // K3 only: no fee is due, so the order goes back.
    expect(value(await call('letters.suggest', { caseId })).map((s) => s.template)).toContain('money_order_return');
    const letter = value(await call('letters.create', { caseId, template: 'money_order_return' }));
    expect(letter.moneyOrderIds).toEqual([order.id]);
    expect(letter.draft.sections.flatMap((s) => s.items).join('\n')).toContain(order.certificateNo);
    value(await call('letters.issue', { id: letter.id }));
    const [after] = value(await call('moneyOrders.list', { caseId }));
    expect(after).toMatchObject({ state: 'returned', returnLetterId: letter.id, returnedOn: today() });
    // Not a final response: the case stays where it was.
    expect(value(await call('cases.get', { id: caseId })).status).toBe('accepted');
  });
});

function textOf<T extends { templateId: unknown; lang: unknown }>(d: T): Omit<T, 'templateId' | 'lang'> {
  const { templateId: _t, lang: _l, ...rest } = d;
  return rest;
}

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}
