/**
 * Letters with compact outlines (issue #14 item 4, forms/compact-font.ts) draw every character
 * they print, the same as the font's full outlines:
 * - every glyph the pages show is in the embedded program with its outline, and the ToUnicode
 *   map gives back every printed character (copy, search, screen readers);
 * - rendered back to pixels (pdf.js, the app's renderer, 300 dpi), each page matches the same
 *   letter made with the full outlines: the same ink, a handful of edge pixels apart, and no
 *   character-sized tile with more than a few (a glyph missing or misdrawn is hundreds);
 * - the outlines themselves (fast-check over the letters' characters): each compact glyph
 *   lies within its bound (tolerance + half a grid cell's diagonal) of the original, both ways,
 *   with the same advance widths, glyph ids and character map.
 */
import * as fontkitModule from '@pdf-lib/fontkit';
import fc from 'fast-check';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { draftText } from '../../shared/domain/letters';
import { compactOutlines, embeddedProgram, LETTER_OUTLINES, sfntTables } from '../../electron/services/forms/compact-font';
import { notoSansJpSubset } from '../../electron/services/forms/fonts';
import { renderLetter } from '../../electron/services/letters/render';
import { renderInput } from '../helpers/letters-fixture';
import { renderPages } from './letters-pixels';

const fontkit: typeof fontkitModule = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;

function streamBytes(doc: PDFDocument, ref: unknown): Uint8Array {
  const s = doc.context.lookup(ref as PDFRef);
  if (!(s instanceof PDFRawStream)) throw new Error('not a stream');
  return decodePDFRawStream(s).decode();
}

/** Glyph ids shown on every page (Identity-H: 4 hex digits a glyph). */
function shownGlyphs(doc: PDFDocument): Set<number> {
  const ids = new Set<number>();
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    for (const ref of contents instanceof PDFArray ? contents.asArray() : [contents]) {
      const text = Buffer.from(streamBytes(doc, ref)).toString('latin1');
      for (const [, hex] of text.matchAll(/<([0-9A-Fa-f]+)> Tj/g)) for (let i = 0; i < hex!.length; i += 4) ids.add(parseInt(hex!.slice(i, i + 4), 16));
    }
  }
  return ids;
}

/** The letter's one Type0 font: its FontFile2 program and ToUnicode map (glyph id -> text). */
function embeddedFont(doc: PDFDocument): { program: Uint8Array; toUnicode: Map<number, string> } {
  let program: Uint8Array | undefined;
  const toUnicode = new Map<number, string>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.has(PDFName.of('FontFile2'))) program = streamBytes(doc, obj.get(PDFName.of('FontFile2')));
    if (obj instanceof PDFDict && obj.get(PDFName.of('Subtype'))?.toString() === '/Type0') {
      const cmap = Buffer.from(streamBytes(doc, obj.get(PDFName.of('ToUnicode')))).toString('latin1');
      for (const [, gid, utf16] of cmap.matchAll(/<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]+)>/g)) {
        const units = utf16!.match(/.{4}/g)!.map((u) => parseInt(u, 16));
        toUnicode.set(parseInt(gid!, 16), String.fromCharCode(...units));
      }
    }
  }
  if (!program) throw new Error('no FontFile2');
  return { program, toUnicode };
}

/** Japanese letters with the most distinct characters (the largest), and an English one. */
const LETTERS = [renderInput('partial_or_refusal'), renderInput('deficiency'), renderInput('disclosure', 'en')];

describe('letters with compact outlines', () => {
  it('embed an outline for every glyph they show, and map every printed character back', async () => {
    for (const input of LETTERS) {
      const { pdf } = await renderLetter(input);
      const doc = await PDFDocument.load(pdf);
      const { program, toUnicode } = embeddedFont(doc);
      // The program a CIDFontType2 font needs, without the tables it does not use.
      expect([...sfntTables(program).keys()].sort()).toEqual(['OS/2', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']);
      const font = fontkit.create(program);
      const shown = shownGlyphs(doc);
      for (const gid of shown) {
        const text = toUnicode.get(gid);
        expect(text, `glyph ${gid} has no ToUnicode entry`).toBeDefined();
        if (/^\s$/.test(text!)) continue;
        // A drawn character has contours (an empty glyph prints nothing: the bug fontkit's subsetting had).
        expect(commandsOf(font.getGlyph(gid)).length, `glyph ${gid} (${text})`).toBeGreaterThan(2);
      }
      // Every character of the letter's text is among the shown glyphs' characters.
      const mapped = new Set([...shown].map((g) => toUnicode.get(g)));
      const printed = new Set([...(draftText(input.draft) + input.recipient.name + input.recipient.address + input.sender.name)].filter((c) => !/\s/.test(c)));
      for (const c of printed) expect(mapped.has(c), c).toBe(true);
    }
  }, 60_000);

  it('render to the same pixels as the full outlines (pdf.js, 300 dpi)', async () => {
    for (const input of LETTERS.slice(0, 2)) {
      const compact = await renderPages((await renderLetter(input)).pdf, 300);
      const full = await renderPages((await renderLetter(input, { fullOutlines: true })).pdf, 300);
      expect(compact.length).toBe(full.length);
      for (const [i, page] of compact.entries()) {
        const ref = full[i]!;
        // Tiles of 48 px (4 mm, about a character at 10.5 pt): one glyph drawn wrong or not at
        // all would put hundreds of pixels apart in its tile.
        const TILE = 48;
        let ink = 0;
        let inkCompact = 0;
        let apart = 0;
        let worstTile = 0;
        for (let ty = 0; ty < ref.height; ty += TILE) {
          for (let tx = 0; tx < ref.width; tx += TILE) {
            let tileApart = 0;
            for (let y = ty; y < Math.min(ty + TILE, ref.height); y++) {
              for (let x = tx; x < Math.min(tx + TILE, ref.width); x++) {
                const p = y * ref.width + x;
                if (ref.grey[p]! < 160) ink++;
                if (page.grey[p]! < 160) inkCompact++;
                if (Math.abs(ref.grey[p]! - page.grey[p]!) > 96) tileApart++;
              }
            }
            apart += tileApart;
            worstTile = Math.max(worstTile, tileApart);
          }
        }
        expect(ink).toBeGreaterThan(20_000); // a page of text
        // Measured: ~60 pixels apart on a page of 350,000 ink pixels, at most 3 in any tile.
        expect(Math.abs(inkCompact - ink) / ink, `page ${i + 1}`).toBeLessThan(0.002);
        expect(apart / ink, `page ${i + 1}`).toBeLessThan(0.001);
        expect(worstTile, `page ${i + 1}`).toBeLessThanOrEqual(24);
      }
    }
  }, 120_000);

  it('keep each glyph within its bound of the original outline, with the same widths and ids', async () => {
    const pool = [...new Set([...draftText(LETTERS[0]!.draft)].filter((c) => !/\s/.test(c)))];
    const bound = LETTER_OUTLINES.tolerance + (LETTER_OUTLINES.grid / 2) * Math.SQRT2 + 0.5;
    await fc.assert(
      fc.asyncProperty(fc.subarray(pool, { minLength: 1, maxLength: 40 }), async (chars) => {
        const original = await notoSansJpSubset('regular', chars.join(''));
        const compact = compactOutlines(original);
        const a = fontkit.create(original);
        const b = fontkit.create(compact);
        expect(b.numGlyphs).toBe(a.numGlyphs);
        expect(compact.byteLength).toBeLessThanOrEqual(original.byteLength); // a glyph of straight strokes has nothing to merge
        expect(fontkit.create(embeddedProgram(compact)).numGlyphs).toBe(a.numGlyphs);
        for (const c of chars) {
          const ga = a.glyphForCodePoint(c.codePointAt(0)!);
          const gb = b.glyphForCodePoint(c.codePointAt(0)!);
          expect(gb.id).toBe(ga.id);
          expect(gb.advanceWidth).toBe(ga.advanceWidth);
          const pa = outlinePoints(commandsOf(ga));
          const pb = outlinePoints(commandsOf(gb));
          expect(farthest(pa, pb), c).toBeLessThanOrEqual(bound);
          expect(farthest(pb, pa), c).toBeLessThanOrEqual(bound);
        }
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});

type Command = { command: string; args: number[] };
/** fontkit's path commands (in its objects, not in its typings). */
const commandsOf = (glyph: fontkitModule.Glyph): Command[] => (glyph.path as unknown as { commands: Command[] }).commands;

/** An outline's contours sampled finely (lines and quadratic curves, 16 steps each). */
function outlinePoints(commands: readonly Command[]): [number, number][][] {
  const contours: [number, number][][] = [];
  let cur: [number, number][] = [];
  let at: [number, number] = [0, 0];
  for (const { command, args } of commands) {
    if (command === 'moveTo') {
      if (cur.length) contours.push(cur);
      at = [args[0]!, args[1]!];
      cur = [at];
    } else if (command === 'lineTo') {
      at = [args[0]!, args[1]!];
      cur.push(at);
    } else if (command === 'quadraticCurveTo') {
      const [cx, cy, x, y] = args as [number, number, number, number];
      for (let s = 1; s <= 16; s++) {
        const t = s / 16;
        const u = 1 - t;
        cur.push([u * u * at[0] + 2 * u * t * cx + t * t * x, u * u * at[1] + 2 * u * t * cy + t * t * y]);
      }
      at = [x, y];
    } else if (command === 'closePath') {
      if (cur.length) cur.push(cur[0]!);
    } else throw new Error(`unexpected ${command}`);
  }
  if (cur.length) contours.push(cur);
  return contours;
}

/** The largest distance from a point of `from` to the outline `to` (its polylines). */
function farthest(from: [number, number][][], to: [number, number][][]): number {
  let worst = 0;
  for (const contour of from) {
    for (const [px, py] of contour) {
      let best = Infinity;
      for (const line of to) {
        for (let i = 1; i < line.length; i++) {
          const [ax, ay] = line[i - 1]!;
          const [bx, by] = line[i]!;
          const dx = bx - ax;
          const dy = by - ay;
          const len = dx * dx + dy * dy;
          const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
          best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
        }
      }
      worst = Math.max(worst, best);
    }
  }
  return worst;
}
