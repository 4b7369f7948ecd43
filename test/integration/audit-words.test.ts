/**
 * #13 item 7: the audit trail read as words. Through the real dispatcher over a real vault:
 * searching the words shown (削除, 一般書留, 職員) finds entries whose stored form holds only
 * codes, filtering by person returns only that person's entries, and every entry the flow
 * wrote reads without codes or JSON.
 */
import { describe, expect, it } from 'vitest';
import { codesForText, summaryLine, actionWords } from '../../renderer/src/features/audit/wording';
import { ADMIN, firstSignIn, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

async function trail() {
  const { call } = makeCore({ dataDir: tempDir() });
  value(await call('vault.setup', ADMIN));
  const clerk = value(await call('staff.add', { displayName: '受付 一郎', login: 'ichiro', role: 'clerk', passphrase: 'clerk passphrase 1' }));
  const gone = value(await call('staff.add', { displayName: '退職 次郎', login: 'jiro', role: 'clerk', passphrase: 'clerk passphrase 2' }));
  value(await call('staff.remove', { id: gone.id }));
  await firstSignIn(call, 'ichiro', 'clerk passphrase 1'); // #13 item 8: an administrator set it
  value(await call('envelopes.log', { arrivedOn: '2026-12-01', delivery: 'ippan_kakitome', redMarking: true, trackingNumber: '200024152952' }));
  value(await call('envelopes.log', { arrivedOn: '2026-12-02', delivery: 'futsu', redMarking: false }));
  value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
  const search = async (text: string) => value(await call('audit.list', { text, codes: codesForText(text), limit: 500 })).entries;
  return { call, clerk, search };
}

describe('audit trail search over the words shown (#13 item 7)', () => {
  it('削除 finds "職員の削除", which the stored entry holds only as staff.removed', async () => {
    const { call, search } = await trail();
    expect(actionWords('staff.removed', 'ja')).toContain('削除');
    const found = await search('削除');
    expect(found.map((e) => e.action)).toContain('staff.removed');
    // Without the words the same text finds nothing: the codes are what made it match.
    const raw = value(await call('audit.list', { text: '削除', limit: 500 })).entries;
    expect(raw.map((e) => e.action)).not.toContain('staff.removed');
    // Every hit shows 削除 somewhere in its words (action, fields or values).
    for (const e of found) expect(`${actionWords(e.action, 'ja')} ${summaryLine(e, 'ja')}`).toContain('削除');
  });

  it('a value in words (一般書留) finds the envelope logged with ippan_kakitome, not the one sent by ordinary mail', async () => {
    const { search } = await trail();
    const found = (await search('一般書留')).filter((e) => e.action === 'envelope.logged');
    expect(found).toHaveLength(1);
    expect(found[0]!.summary.delivery).toBe('ippan_kakitome');
    expect(summaryLine(found[0]!, 'ja')).toContain('配達方法: 一般書留');
  });

  it('English words search too (case-insensitive), and plain text still matches names', async () => {
    const { search } = await trail();
    expect((await search('staff member REMOVED')).map((e) => e.action)).toContain('staff.removed');
    expect((await search('退職 次郎')).map((e) => e.action)).toContain('staff.added');
  });

  it('filters by person: the list of people, then only the entries that person made', async () => {
    const { call, clerk } = await trail();
    const actors = value(await call('audit.actors', {}));
    expect(actors.map((a) => a.name)).toEqual(expect.arrayContaining([ADMIN.adminName, '受付 一郎']));
    const mine = value(await call('audit.list', { actorId: clerk.id, limit: 500 }));
    expect(mine.total).toBeGreaterThanOrEqual(3); // unlocked, two envelopes
    expect(mine.entries.every((e) => e.actorId === clerk.id)).toBe(true);
    expect(mine.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['vault.unlocked', 'envelope.logged']));
  });

  it('every entry of the flow reads as words: no field name or code is left in the summary line', async () => {
    const { call } = await trail();
    const all = value(await call('audit.list', { limit: 500 })).entries;
    expect(all.length).toBeGreaterThan(8);
    for (const e of all) {
      const line = summaryLine(e, 'ja');
      expect(actionWords(e.action, 'ja'), e.action).not.toBe(e.action);
      for (const key of Object.keys(e.summary)) expect(line, `${e.action}.${key}`).not.toMatch(new RegExp(`(^|· )${key}:`));
      expect(line, e.action).not.toMatch(/ippan_kakitome|futsu|administrator|clerk|[[{]"/);
    }
  });

  it('clerks cannot list the people of the trail', async () => {
    const { call } = await trail();
    value(await call('vault.unlock', { login: 'ichiro', passphrase: 'clerk passphrase 1 (own)' }));
    expect(await call('audit.actors', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
