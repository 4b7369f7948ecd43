// #16 item 3: optimistic versions through the real dispatcher over a real vault. Two desks (each
// with the version it last read) edit one case in any interleaving fast-check picks: every edit
// from a stale view is refused as CONFLICT, every edit from a fresh one applies, and the case
// always holds the last applied edit (no lost update).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIN, useCores, value, type Call } from '../helpers/core';
import { acceptedCase } from '../helpers/letters-case';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

type Step = { desk: 0 | 1; op: 'read' } | { desk: 0 | 1; op: 'write'; via: 'fields' | 'subject'; name: string } | { op: 'race'; names: [string, string] };

const name = fc.constantFrom('山田 太郎', '佐藤 花子', '髙橋 一郎', '鈴木 次郎', '田中 三郎', '渡邉 四郎');
const desk = fc.constantFrom(0 as const, 1 as const);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ desk, op: fc.constant('read' as const) }),
  fc.record({ desk, op: fc.constant('write' as const), via: fc.constantFrom('fields' as const, 'subject' as const), name }),
  fc.record({ op: fc.constant('race' as const), names: fc.tuple(name, name) }),
);

async function write(call: Call, id: string, via: 'fields' | 'subject', name: string, version: number) {
  if (via === 'fields') {
    const r = await call('cases.setFields', { id, version, fields: [{ field: 'subject.name', value: name }] });
    return r.ok ? { ok: true as const, version: r.value.version } : r;
  }
  const r = await call('cases.updateSubject', { id, version, name, kana: 'テスト' });
  return r.ok ? { ok: true as const, version: r.value.version! } : r;
}

describe('optimistic versions (#16 item 3)', () => {
  it('two desks in any interleaving: stale edits refused with the Japanese message, fresh ones applied, no lost update', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 1 });
    value(await call('vault.setup', ADMIN));
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const { id } = value(await call('envelopes.log', { arrivedOn: '2026-11-20', delivery: 'futsu', redMarking: true })).cases[0]!;
        const first = value(await call('cases.detail', { id })).case;
        // What each desk showed last, and the truth the model expects.
        const seen = [first.version, first.version];
        let version = first.version;
        let lastApplied = first.subjectName;
        for (const s of steps) {
          if (s.op === 'read') {
            seen[s.desk] = value(await call('cases.detail', { id })).case.version;
            expect(seen[s.desk]).toBe(version);
          } else if (s.op === 'write') {
            const result = await write(call, id, s.via, s.name, seen[s.desk]!);
            if (seen[s.desk] === version) {
              expect(result.ok).toBe(true);
              version = result.ok ? result.version : -1;
              expect(version).toBe(seen[s.desk]! + 1);
              seen[s.desk] = version;
              lastApplied = s.name;
            } else {
              expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: { ja: '他の端末でこの案件が変更されました。再読み込みしてください。' } } });
            }
          } else {
            // Both desks save at once from the same fresh view: exactly one wins.
            const at = version;
            const results = await Promise.all(s.names.map((n) => write(call, id, 'fields', n, at)));
            const won = results.flatMap((r, i) => (r.ok ? [i] : []));
            expect(won).toHaveLength(1);
            expect(results.filter((r) => !r.ok)).toMatchObject([{ error: { code: 'CONFLICT' } }]);
            version = at + 1;
            lastApplied = s.names[won[0]!]!;
            seen[0] = seen[1] = at; // neither desk has read since
          }
          const now = value(await call('cases.detail', { id }));
          expect(now.case.version).toBe(version);
          expect(now.case.subjectName).toBe(lastApplied);
          expect(now.fields.find((f) => f.field === 'subject.name')?.value ?? first.subjectName).toBe(lastApplied);
        }
      }),
      // Fewer on PostgreSQL (a round trip per statement), the same interleavings by kind.
      { numRuns: process.env.KAIJI_TEST_BACKEND === 'postgres' ? 12 : 25 },
    );
    // The trail records every applied edit and no refused one; the chain verifies.
    expect(value(await call('audit.verify', {})).ok).toBe(true);
  }, 120_000);

  it('an edit without a version (scripts) still moves it, so a desk holding the older view is refused', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 1 });
    value(await call('vault.setup', ADMIN));
    const { id } = value(await call('envelopes.log', { arrivedOn: '2026-11-20', delivery: 'futsu', redMarking: true })).cases[0]!;
    const shown = value(await call('cases.detail', { id })).case.version;
    value(await call('cases.setFields', { id, fields: [{ field: 'subject.name', value: '山田 太郎' }] }));
    expect(await call('cases.setFields', { id, version: shown, fields: [{ field: 'subject.name', value: '佐藤 花子' }] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: { en: 'Another desk changed this case; reload it.' } },
    });
    expect(value(await call('cases.detail', { id })).case.subjectName).toBe('山田 太郎');
    expect(await call('cases.setFields', { id: 'no-such-case', version: 1, fields: [{ field: 'subject.name', value: 'x' }] })).toMatchObject({ error: { code: 'NOT_FOUND' } });
  }, 60_000);

  it('letters: a draft saved from an older view is refused (文書), then saved over the fresh one', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 1 });
    const { caseId } = await acceptedCase(call, { 'request.k2': false, 'request.k6': false });
    value(await call('decisions.record', { caseId, kind: 'K1', outcome: 'no_data' }));
    const letter = value(await call('letters.create', { caseId, template: 'no_data' }));
    const shown = letter.version!;
    const d = letter.draft;
    const draft = (title: string) => ({ title, salutation: d.salutation, body: d.body, complimentaryClose: d.complimentaryClose, itemsMarker: d.itemsMarker, sections: d.sections, notes: d.notes, closing: d.closing });
    const a = value(await call('letters.update', { id: letter.id, version: shown, draft: draft('A の件名') }));
    expect(a.version).toBe(shown + 1);
    expect(await call('letters.update', { id: letter.id, version: shown, draft: draft('B の件名') })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: { ja: '他の端末でこの文書が変更されました。再読み込みしてください。' } },
    });
    expect(value(await call('letters.get', { id: letter.id })).draft.title).toBe('A の件名');
    expect(value(await call('letters.update', { id: letter.id, version: a.version, draft: draft('B の件名') })).draft.title).toBe('B の件名');
    // An issued letter's version can move (notices) but its text cannot.
    value(await call('letters.issue', { id: letter.id }));
    expect(await call('letters.update', { id: letter.id, draft: draft('C') })).toMatchObject({ error: { code: 'LETTER_ISSUED' } });
  }, 120_000);

  it('settings: per key; a key another desk changed since is refused (設定), other keys still save', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 1 });
    value(await call('vault.setup', ADMIN));
    const a = value(await call('settings.get', {})).versions!;
    const b = { ...a };
    const afterA = value(await call('settings.update', { companyName: '株式会社A', versions: { companyName: a.companyName ?? 0 } }));
    expect(afterA.versions!.companyName).toBe((a.companyName ?? 0) + 1);
    expect(await call('settings.update', { companyName: '株式会社B', versions: { companyName: b.companyName ?? 0 } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: { ja: '他の端末でこの設定が変更されました。再読み込みしてください。' } },
    });
    // A key nobody stored yet (0) saves once; a second desk still at 0 is refused.
    expect(b.trashDays ?? 0).toBe(0);
    value(await call('settings.update', { trashDays: 45, versions: { trashDays: 0 } }));
    expect(await call('settings.update', { trashDays: 60, versions: { trashDays: 0 } })).toMatchObject({ error: { code: 'CONFLICT' } });
    const now = value(await call('settings.get', {}));
    expect(now).toMatchObject({ companyName: '株式会社A', trashDays: 45 });
    expect(now.versions).toMatchObject({ companyName: afterA.versions!.companyName, trashDays: 1 });
  }, 60_000);
});
