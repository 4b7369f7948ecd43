/**
 * One date rule (#13 item 9): a list's cell shows a day or a time compact (`<Day>`,
 * `<Timestamp>`, or `compactDay` with the full date as its title), never the full era date,
 * which belongs to letters, forms and details. The e2e screenshot check finds a full era date in
 * any table cell on screen; this finds it in the source, where a new list would add one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(import.meta.dirname, '../../renderer/src');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : []));

/** The text of every `<Table.Td …>…</Table.Td>` (cells do not nest). */
const cells = (src: string) => [...src.matchAll(/<Table\.Td\b[^>]*>([\s\S]*?)<\/Table\.Td>/g)].map((m) => m[1]!);
const FULL = /\b(formatDay|formatTime|formatEraDate|fullTime|eraDate)\(/;

describe('list cells use the compact date (#13 item 9)', () => {
  it('no table cell in the renderer writes a full era date or time', () => {
    const offenders: string[] = [];
    for (const file of sources(RENDERER)) {
      for (const cell of cells(readFileSync(file, 'utf8'))) {
        // A full date is allowed only as the hover title of a compact one.
        const text = cell.replace(/title=\{[^}]*\}/g, '');
        if (FULL.test(text)) offenders.push(`${file.slice(RENDERER.length)}: ${text.trim().slice(0, 80)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('finds a full date written into a cell', () => {
    const bad = `<Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(c.receivedOn, lang)}</Table.Td>`;
    const ok = `<Table.Td><Text title={formatDay(d, lang)}>{compactDay(d, lang)}</Text></Table.Td>`;
    expect(cells(bad).some((c) => FULL.test(c.replace(/title=\{[^}]*\}/g, '')))).toBe(true);
    expect(cells(ok).some((c) => FULL.test(c.replace(/title=\{[^}]*\}/g, '')))).toBe(false);
  });
});
