import { describe, expect, it } from 'vitest';
import { seedLettersDemo } from '../../electron/services/demo/demo-letters';
import { LETTER_TEMPLATES } from '../../shared/domain/letters';
import { ADMIN, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

describe('demo vault letters (issue #6 item 8)', () => {
  it('issues a letter of every template, mails some, and closes the delivered case', async () => {
    const { core, call } = makeCore({ dataDir: tempDir() });
    value(await call('vault.setup', ADMIN));
    value(await call('settings.update', { companyAddress: '〒169-0051 東京都新宿区西早稲田二丁目20番15号' }));
    await seedLettersDemo(core, new Date('2026-11-24T03:00:00Z'));

    const settings = value(await call('settings.get', {}));
    expect(settings).toMatchObject({ companyPostalCode: '169-0051', companyAddress: '東京都新宿区西早稲田二丁目20番15号' });
    const issued = value(await call('letters.overview', { filter: 'issued', limit: 500 }));
    expect(new Set(issued.map((l) => l.template))).toEqual(new Set(LETTER_TEMPLATES));
    expect(issued.every((l) => /^[0-9a-f]{64}$/.test(l.sha256 ?? ''))).toBe(true);
    const toSend = value(await call('letters.overview', { filter: 'to_send' }));
    // Mailed: the three answers of the first case, the partial one, the combined reply, the refusal notice.
    expect(toSend.length).toBe(issued.length - 6);
    const statuses = value(await call('cases.list', {})).cases.map((c) => c.status).sort();
    // Every final response issued moves its case to responding; those whose every letter was
    // delivered (and fee settled) are closed (#10: answered per kind, by a combined reply, refused).
    expect(statuses).toEqual(['closed', 'closed', 'closed', 'deficient', 'responding', 'responding', 'responding', 'withdrawn']);
    // No closed case owes anything, by the same rule the close guard uses (#10 item 10).
    for (const c of value(await call('cases.list', {})).cases.filter((x) => x.status === 'closed')) {
      expect(value(await call('cases.obligations', { caseId: c.id })).owed).toEqual([]);
    }
  });
});
