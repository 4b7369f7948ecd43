import { describe, expect, it } from 'vitest';
import { FIELD_NAMES } from '../../shared/domain/application-form';
import { ADMIN, useCores, value } from '../helpers/core';
import { comparable, expectedValue, FILLED, scannedForm } from '../helpers/filled-forms';
import { importAndWait } from '../helpers/imports';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

describe('reading the company form from a scan (I3)', () => {
  it('pre-fills the case from a filled form rendered at 300 dpi with noise and a 1.5 degree feed skew', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 2 });
    value(await call('vault.setup', ADMIN));
    const logged = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'kan_i_kakitome', trackingNumber: '123456789013', redMarking: true }));
    const caseId = logged.cases[0]!.id;
    const scan = await scannedForm(FILLED, { rotate: 1.5 });
    const status = await importAndWait(call, [{ name: 'scan-0001.jpg', bytes: scan }], { caseId });
    expect(status.files[0]!.state).toBe('done');

    const detail = value(await call('cases.detail', { id: caseId }));
    expect(detail.pages[0]).toMatchObject({ kind: 'application_form', formId: 'kaiji-appi-request' });
    const byName = new Map(detail.fields.map((f) => [f.field, f]));
    const wrong = FIELD_NAMES.filter((name) => comparable(byName.get(name)?.value ?? '') !== comparable(expectedValue(FILLED, name)));
    expect(wrong).toEqual([]);
    // Each value knows where it was read, for the crop beside the input.
    const nameField = byName.get('subject.name')!;
    expect(nameField.zone!.width).toBeGreaterThan(300);
    expect(nameField.sourcePageId).toBe(detail.pages[0]!.id);
    // The case itself now carries the subject, so search and R3 matching work.
    expect(comparable(detail.case.subjectName)).toBe('山田太郎');
    expect(detail.case.birthDate).toBe('1985-04-01');
    expect(value(await call('cases.list', { query: 'やまだ' })).cases.map((c) => c.id)).toEqual([caseId]);
  });

  it('lets staff correct a value: theirs is kept when the form is scanned again', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 2 });
    value(await call('vault.setup', ADMIN));
    const caseId = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'futsu', redMarking: false })).cases[0]!.id;
    value(await call('cases.setFields', { id: caseId, fields: [{ field: 'subject.phone', value: '03-9999-0000' }] }));
    await importAndWait(call, [{ name: 'form.jpg', bytes: await scannedForm(FILLED, { rotate: -1 }) }], { caseId });
    const fields = value(await call('cases.detail', { id: caseId })).fields;
    expect(fields.find((f) => f.field === 'subject.phone')).toMatchObject({ value: '03-9999-0000', confidence: null, needsReview: false });
    expect(comparable(fields.find((f) => f.field === 'subject.name')!.value)).toBe('山田太郎');
  });

  it('reads a form page into the case it is assigned to from the scanner inbox', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 2 });
    value(await call('vault.setup', ADMIN));
    const caseId = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'futsu', redMarking: true })).cases[0]!.id;
    const status = await importAndWait(call, [{ name: 'inbox.jpg', bytes: await scannedForm(FILLED, { rotate: 0.8 }) }]);
    expect(value(await call('pages.list', {})).map((p) => p.formId)).toEqual(['kaiji-appi-request']);
    value(await call('pages.move', { id: status.files[0]!.pageIds[0]!, caseId }));
    const fields = value(await call('cases.detail', { id: caseId })).fields;
    expect(comparable(fields.find((f) => f.field === 'subject.address')!.value)).toBe(comparable(String(FILLED['subject.address'])));
    expect(value(await call('pages.list', {}))).toEqual([]);
  });
});
