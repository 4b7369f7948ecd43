// The office bench's own plumbing (bench/office-mix.ts; issue 16's "office" bench group): what
// it asks both back ends must be valid and mean what its figure says, or the ratio measures
// something else. Inputs from fast-check (any call index, any page count, any desks' timings).
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officeMix, pageText, pooledPercentiles, textQuery, fillFamilies, type DeskSamples } from '../../bench/office-mix';
import { percentile } from '../../bench/report';
import { officeKeys, queryTokens, searchable, textTokens } from '../../electron/services/office/office-sealing';
import { contract } from '../../shared/contract';
import { caseSearchField } from '../../shared/domain/names';

const caseNo = (i: number) => `${2020 + (i % 7)}-${String(i + 1).padStart(5, '0')}`;

describe('the office mix', () => {
  it('every input of every item passes its channel`s schema, for any call index (negative in warm-up rounds)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 200_000 }), (i, nPages) => {
        for (const item of officeMix(nPages)) {
          const parsed = contract[item.channel].input.safeParse(item.input(i));
          expect(parsed.success, `${item.key} ${JSON.stringify(item.input(i))}`).toBe(true);
        }
      }),
    );
  });

  it('each name search asks the field its figure names (written name key, kana prefix), never the case number', () => {
    const mix = officeMix(1000);
    const kanji = mix.find((m) => m.key === 'name-kanji')!;
    const kana = mix.find((m) => m.key === 'name-kana')!;
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000 }), (i) => {
        expect(caseSearchField(kanji.input(i).query as string)).toBe('name');
        expect(caseSearchField(kana.input(i).query as string)).toBe('kana');
      }),
    );
    // The fill's people: several families, so the searches vary.
    const { kanji: families, kana: readings } = fillFamilies();
    expect(families.length).toBeGreaterThan(10);
    expect(readings.length).toBeGreaterThan(10);
  });

  it('a text query is on exactly one page of the fill, and that page holds every trigram MAC of it (the office finds it)', () => {
    const keys = officeKeys(randomBytes(32), 1);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: -100_000, max: 100_000 }), (nPages, i) => {
        const q = textQuery(i, nPages);
        const texts = Array.from({ length: nPages }, (_, p) => pageText(caseNo(p), p));
        const on = texts.flatMap((t, p) => (t.includes(q) ? [p] : []));
        expect(on).toHaveLength(1);
        // The vault's FTS5 phrase and the office's trigram MACs agree on that page.
        const page = new Set(textTokens(keys, texts[on[0]!]!).map((m) => m.toString('hex')));
        const wanted = queryTokens(keys, q);
        expect(wanted.length).toBeGreaterThan(0);
        for (const m of wanted) expect(page.has(m.toString('hex'))).toBe(true);
        expect(searchable(texts[on[0]!]!).join('')).toContain(searchable(q).join(''));
      }),
      { numRuns: 40 },
    );
  });
});

describe('pooled percentiles of the desks', () => {
  const desk = (rounds: number) => fc.array(fc.array(fc.double({ min: 0.01, max: 5000, noNaN: true }), { minLength: 1, maxLength: 8 }), { minLength: rounds, maxLength: rounds });

  it('per round, the percentile of every desk`s calls of that round together', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((rounds) => fc.array(desk(rounds), { minLength: 1, maxLength: 6 })),
        fc.integer({ min: 1, max: 100 }),
        (desks, p) => {
          const reports: DeskSamples[] = desks.map((rounds) => ({ list: rounds, other: rounds.map((r) => r.map((v) => v * 2)) }));
          const got = pooledPercentiles(reports, 'list', p);
          expect(got).toHaveLength(desks[0]!.length);
          got.forEach((v, r) => {
            const pooled = desks.flatMap((d) => d[r]!);
            expect(v).toBe(percentile(pooled, p));
            // A value some desk really measured, never an average that nobody saw.
            expect(pooled).toContain(v);
          });
          // Keys are kept apart.
          expect(pooledPercentiles(reports, 'other', p)).toEqual(got.map((v) => v * 2));
        },
      ),
    );
  });

  it('refuses desks with different rounds, a missing key, or a round without calls', () => {
    expect(() => pooledPercentiles([], 'list')).toThrow();
    expect(() => pooledPercentiles([{ list: [[1]] }, { list: [[1], [2]] }], 'list')).toThrow(/same rounds/);
    expect(() => pooledPercentiles([{ list: [[1]] }, { other: [[1]] }], 'list')).toThrow(/same rounds/);
    expect(() => pooledPercentiles([{ list: [[]] }], 'list')).toThrow(/no calls/);
  });
});
