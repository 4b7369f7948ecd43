/**
 * ID copies read into suggested document records (issue 12 item 3), end to end: generated
 * copies (BIZ UDPGothic, a font the app does not ship; speckles, blur, JPEG) imported into real
 * encrypted vaults through the dispatcher, real OCR. The suggested record has the right kind and
 * dates; the checklist flags the expired licence and the stale 住民票 before anybody types and
 * says "suggested - confirm" for a valid one; confirming takes the values as they are; each
 * suggested mask covers 100 % of the restricted number's ink.
 */
import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../shared/domain/verification';
import { ADMIN, useCores, value, type Call } from '../helpers/core';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { idCopy, TEST_PERSON, type IdCopy, type IdCopySpec } from '../helpers/id-copies';
import { importAndWait } from '../helpers/imports';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

// The application is dated 令和8年11月20日 (FILLED).
const VALID_LICENCE: IdCopySpec = { type: 'drivers_license', person: TEST_PERSON, issuedOn: '2023-05-10', validUntil: '2028-05-01' };
const EXPIRED_LICENCE: IdCopySpec = { type: 'drivers_license', person: TEST_PERSON, issuedOn: '2021-10-01', validUntil: '2026-10-31' };
// Issued 40 days before the application: older than one month (D1).
const STALE_CERTIFICATE: IdCopySpec = { type: 'residence_certificate', person: TEST_PERSON, issuedOn: '2026-10-11' };
const FRESH_CERTIFICATE: IdCopySpec = { type: 'residence_certificate', person: TEST_PERSON, issuedOn: '2026-11-02' };
const PASSPORT: IdCopySpec = { type: 'passport', person: TEST_PERSON, issuedOn: '2020-05-10', validUntil: '2030-05-10' };
const INSURANCE: IdCopySpec = { type: 'health_insurance', person: TEST_PERSON, issuedOn: '2023-04-01', validUntil: '2027-03-31', western: true };
const PENSION: IdCopySpec = { type: 'pension_book', person: TEST_PERSON, issuedOn: '2005-04-01' };
const MY_NUMBER: IdCopySpec = { type: 'my_number_card', person: TEST_PERSON, validUntil: '2030-04-01' };

async function caseWithCopies(call: Call, copies: IdCopy[]) {
  const c = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'futsu', redMarking: true })).cases[0]!;
  value(await call('cases.setFields', { id: c.id, fields: fieldsOf({ ...FILLED, signature: '山田 太郎' }) }));
  const job = await importAndWait(
    call,
    copies.map((copy, i) => ({ name: `scan${i}.jpg`, bytes: copy.jpeg })),
    { caseId: c.id },
  );
  expect(job.files.map((f) => f.state)).toEqual(copies.map(() => 'done'));
  return { caseId: c.id, pageIds: job.files.map((f) => f.pageIds[0]!) };
}

const identity = (results: readonly RuleResult[]) => results.find((r) => r.party !== 'agent' && /^(D[1-5]|I4)$/.test(r.ruleId))!;
const differingChars = (a: string, b: string) => (a.length !== b.length ? Infinity : Array.from(a).filter((c, i) => c !== Array.from(b)[i]).length);
const codes = (r: RuleResult) => (r.findings ?? []).map((f) => f.code);

describe('ID copies become suggested document records', () => {
  it('reads kind and dates; the checklist flags the expired licence and the stale certificate before anybody types', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    value(await call('vault.setup', ADMIN));
    const specs = [VALID_LICENCE, EXPIRED_LICENCE, STALE_CERTIFICATE, FRESH_CERTIFICATE, PASSPORT];
    const copies = await Promise.all(specs.map((s, i) => idCopy(s, i + 1)));
    const cases = [];
    for (const copy of copies) cases.push(await caseWithCopies(call, [copy]));

    for (const [i, { caseId, pageIds }] of cases.entries()) {
      const docs = value(await call('documents.list', { caseId }));
      expect(docs, specs[i]!.type).toHaveLength(1);
      const truth = copies[i]!.truth;
      expect(docs[0]).toMatchObject({
        pageId: pageIds[0],
        suggested: true,
        kind: 'id',
        party: 'subject',
        type: truth.type,
        birthDate: truth.birthDate,
        issuedOn: truth.issuedOn ?? null,
        validUntil: truth.validUntil ?? null,
      });
      // Names are read too; OCR may slip on a character (郎/朗): the clerk confirms them.
      if (truth.name) expect(differingChars(docs[0]!.name.replace(/\s/g, ''), truth.name), docs[0]!.name).toBeLessThanOrEqual(1);
      const pages = value(await call('pages.list', { caseId }));
      expect(pages[0]!.kind).toBe('id_document');
    }

    const [valid, expired, stale, fresh, passport] = await Promise.all(cases.map(async (c) => identity(value(await call('cases.checklist', { id: c.caseId })).results)));
    // Valid: no "no ID enclosed" (I4) any more, but a person confirms first.
    expect(valid).toMatchObject({ ruleId: 'D2', status: 'needs_review' });
    expect(codes(valid!)).toEqual(expect.arrayContaining(['within_validity', 'suggested', 'name_equal', 'address_equal', 'birth_equal']));
    expect(expired).toMatchObject({ ruleId: 'D2', status: 'fail' });
    expect(codes(expired!)).toContain('expired');
    expect(stale).toMatchObject({ ruleId: 'D1', status: 'fail' });
    expect(codes(stale!)).toContain('issued_over_one_month');
    expect(fresh).toMatchObject({ ruleId: 'D1', status: 'needs_review' });
    expect(codes(fresh!)).toContain('issued_within_one_month');
    // A passport shows the name in Latin letters: a person compares it.
    expect(passport).toMatchObject({ ruleId: 'D3', status: 'needs_review' });
    expect(codes(passport!)).toContain('within_validity');

    // Confirming takes the values as read (one action); the licence then passes.
    const doc = value(await call('documents.list', { caseId: cases[0]!.caseId }))[0]!;
    const confirmed = value(await call('documents.confirm', { id: doc.id, values: {} }));
    expect(confirmed).toMatchObject({ suggested: false, validUntil: '2028-05-01' });
    expect(identity(value(await call('cases.checklist', { id: cases[0]!.caseId })).results)).toMatchObject({ ruleId: 'D2', status: 'pass' });
    // A corrected value replaces the one read; an impossible one is refused.
    const wrong = await call('documents.confirm', { id: doc.id, values: { validUntil: '令和10年2月30日' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } });
    const fixed = value(await call('documents.confirm', { id: doc.id, values: { validUntil: '令和8年11月1日' } }));
    expect(fixed.validUntil).toBe('2026-11-01');
    expect(identity(value(await call('cases.checklist', { id: cases[0]!.caseId })).results).status).toBe('fail');

    // The trail names the suggestion and the confirmation, never the values read.
    const audit = JSON.stringify(value(await call('audit.list', { text: cases[0]!.caseId })).entries);
    expect(audit).toContain('document.suggested');
    expect(audit).toContain('document.confirmed');
    expect(audit).not.toContain('山田');
    expect(audit).not.toContain('2028-05-01');
  }, 120_000);

  it('a copy from the scanner inbox is read into the case it is moved to, and its suggestion follows a second move', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    value(await call('vault.setup', ADMIN));
    const copy = await idCopy(STALE_CERTIFICATE, 21);
    const job = await importAndWait(call, [{ name: 'inbox.jpg', bytes: copy.jpeg }]);
    const pageId = job.files[0]!.pageIds[0]!;
    const first = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'futsu', redMarking: true })).cases[0]!;
    value(await call('cases.setFields', { id: first.id, fields: fieldsOf({ ...FILLED, signature: '山田 太郎' }) }));
    value(await call('pages.move', { id: pageId, caseId: first.id }));
    expect(value(await call('documents.list', { caseId: first.id }))).toMatchObject([{ pageId, suggested: true, type: 'residence_certificate', issuedOn: '2026-10-11' }]);
    expect(identity(value(await call('cases.checklist', { id: first.id })).results)).toMatchObject({ ruleId: 'D1', status: 'fail' });
    const second = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'futsu', redMarking: true })).cases[0]!;
    value(await call('pages.move', { id: pageId, caseId: second.id }));
    expect(value(await call('documents.list', { caseId: first.id }))).toEqual([]);
    expect(value(await call('documents.list', { caseId: second.id }))).toMatchObject([{ pageId, suggested: true }]);
  }, 60_000);

  it('suggests masks that cover 100 % of the restricted numbers\' ink; a My Number card is masked but not recorded as ID', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    value(await call('vault.setup', ADMIN));
    const copies = await Promise.all([INSURANCE, PENSION, MY_NUMBER].map((s, i) => idCopy(s, 10 + i)));
    const { caseId, pageIds } = await caseWithCopies(call, copies);
    const docs = value(await call('documents.list', { caseId }));
    expect(docs.map((d) => d.type).sort()).toEqual(['health_insurance', 'pension_book']);
    expect(docs.find((d) => d.type === 'health_insurance')).toMatchObject({ issuedOn: '2023-04-01', validUntil: '2027-03-31', birthDate: '1985-04-01' });
    for (const [i, copy] of copies.entries()) {
      const rects = value(await call('pages.maskSuggestions', { id: pageIds[i]! }));
      expect(copy.secrets.length).toBeGreaterThan(0);
      for (const secret of copy.secrets) {
        expect(secret.pixels.length).toBeGreaterThan(100);
        const outside = secret.pixels.filter(([x, y]) => !rects.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height));
        expect(outside.length, `${copy.spec.type} ${secret.digits}`).toBe(0);
      }
    }
    // The My Number card's 12 digits are suggested as 個人番号, which the company may not keep.
    const myNumber = value(await call('pages.maskSuggestions', { id: pageIds[2]! }));
    expect(myNumber.map((r) => r.reason.ja).join()).toContain('個人番号');
  }, 120_000);
});
