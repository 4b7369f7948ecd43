import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, channelNames, type ChannelName } from '@shared/contract';
import { dateMeaningOf, dateRange, vettedKind, type VettedKind } from '@shared/contract/channel';

/**
 * Issue 11, finding 8: every text input of every channel is normalised and every date is
 * plausible, in the contract itself. This walks the whole contract, so a channel added
 * with a bare `z.string()` fails here (use text(), multilineText(), secret(), token(),
 * isoDateOf() or typedDate() from shared/contract/input-text.ts).
 */
interface Leaf {
  path: string;
  schema: z.ZodType;
  kind: VettedKind;
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every string the schema accepts, down to its leaves; `bare` collects unvetted strings. */
function walk(schema: z.ZodType, path: string, leaves: Leaf[], bare: string[]): void {
  const kind = vettedKind(schema);
  if (kind) {
    leaves.push({ path, schema, kind });
    return;
  }
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      bare.push(path);
      return;
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) walk(v, `${path}.${k}`, leaves, bare);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      walk(def.innerType as z.ZodType, path, leaves, bare);
      return;
    case 'array':
      walk(def.element as z.ZodType, `${path}[]`, leaves, bare);
      return;
    case 'union':
      (def.options as z.ZodType[]).forEach((o, i) => walk(o, `${path}|${i}`, leaves, bare));
      return;
    case 'pipe':
      walk(def.in as z.ZodType, path, leaves, bare);
      return;
    case 'enum':
    case 'literal':
    case 'number':
    case 'boolean':
      return;
    default:
      // A schema kind this walk does not know could hide a string: name it.
      bare.push(`${path} (${def.type})`);
  }
}

function leavesOf(name: ChannelName): { leaves: Leaf[]; bare: string[] } {
  const leaves: Leaf[] = [];
  const bare: string[] = [];
  walk(contract[name].input as z.ZodType, name, leaves, bare);
  return { leaves, bare };
}

const all = channelNames.map((name) => ({ name, ...leavesOf(name) }));
const textLeaves = all.flatMap((c) => c.leaves).filter((l) => l.kind !== 'date' && l.kind !== 'typedDate');
const dateLeaves = all.flatMap((c) => c.leaves).filter((l) => l.kind === 'date' || l.kind === 'typedDate');

/** Characters no input may hold: C0/C1 controls (but \n where multi-line), bidi controls, lone surrogates. */
const FORBIDDEN = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  '\u0085',
  '\u009f',
  '\u2028',
  '\u2029',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\ud800',
  '\udfff',
];

describe('the contract’s inputs (issue 11, finding 8)', () => {
  it('has no bare string: every string field goes through a vetted builder', () => {
    expect(all.flatMap((c) => c.bare)).toEqual([]);
    // The walk reaches the fields it should (positive anchors).
    expect(textLeaves.map((l) => l.path)).toEqual(expect.arrayContaining(['envelopes.log.senderName', 'cases.setFields.fields[].value', 'search.text.query']));
    expect(dateLeaves.length).toBeGreaterThan(15);
  });

  it('every text field refuses control, bidi and lone-surrogate characters anywhere in a valid value', () => {
    const forbidden = fc.constantFrom(...FORBIDDEN);
    for (const leaf of textLeaves) {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 6 }), forbidden, fc.nat(), (base, bad, at) => {
          // A multi-line field keeps line breaks (CR and CRLF become \n).
          if ((bad === '\n' || bad === '\r') && leaf.kind === 'multiline') return;
          const clean = base.replace(/[^a-z0-9]/gi, '') || 'a1';
          const i = at % (clean.length + 1);
          const value = `${clean.slice(0, i)}${bad}${clean.slice(i)}`;
          const r = leaf.schema.safeParse(value);
          // Inside the text: refused. At either end, trimming may remove it instead: never stored.
          const stored = r.success && FORBIDDEN.some((f) => (r.data as string).includes(f) && !(f === '\n' && leaf.kind === 'multiline'));
          const inside = i > 0 && i < clean.length;
          expect({ path: leaf.path, value, stored, refused: inside ? !r.success : true }).toEqual({ path: leaf.path, value, stored: false, refused: true });
        }),
        { numRuns: 40 },
      );
    }
  });

  it('multi-line fields keep a line break; one-line text is NFC-normalised', () => {
    const multiline = textLeaves.filter((l) => l.kind === 'multiline');
    expect(multiline.length).toBeGreaterThan(5);
    for (const leaf of multiline) expect(leaf.schema.safeParse('一行目\r\n二行目').data).toBe('一行目\n二行目');
    const name = textLeaves.find((l) => l.path === 'cases.updateSubject.name')!;
    // が as か + combining dakuten (NFD, as macOS file names arrive) is stored composed.
    expect(name.schema.safeParse('\u304b\u3099').data).toBe('\u304c');
  });

  it('every date field refuses impossible and implausible dates and takes one in its range', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dateLeaves),
        fc.constantFrom('1800-01-01', '9999-12-31', '2026-02-30', '2026-13-01', '0000-00-00', 'yesterday', '令和9年2月30日', '1899-12-31', '2026-02-29\u0000'),
        (leaf, bad) => {
          expect({ path: leaf.path, ok: leaf.schema.safeParse(bad).success }).toEqual({ path: leaf.path, ok: false });
        },
      ),
    );
    for (const leaf of dateLeaves) {
      const meaning = dateMeaningOf(leaf.schema)!;
      const { from, to } = dateRange(meaning);
      expect({ path: leaf.path, from: leaf.schema.safeParse(from).success, to: leaf.schema.safeParse(to).success }).toEqual({ path: leaf.path, from: true, to: true });
    }
  });

  it('random dates are accepted exactly when real and inside the range', () => {
    const birth = dateLeaves.find((l) => l.path === 'cases.updateSubject.birthDate')!;
    const arrival = dateLeaves.find((l) => l.path === 'envelopes.log.arrivedOn')!;
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const t = Date.parse(`${iso}T00:00:00Z`);
        const real = !Number.isNaN(t) && new Date(t).toISOString().startsWith(iso);
        for (const leaf of [birth, arrival]) {
          const { from, to } = dateRange(dateMeaningOf(leaf.schema)!);
          expect(leaf.schema.safeParse(iso).success).toBe(real && iso >= from && iso <= to);
        }
      }),
      { numRuns: 300 },
    );
  });
});
