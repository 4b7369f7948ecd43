/**
 * Letter pagination: lines flow onto further pages; headings are never the last line of a
 * page, 以上 never stands alone at the top of one, and a paragraph's last line never starts
 * a page alone.
 */
import { describe, expect, it } from 'vitest';
import { flow, type FlowBlock, type FlowFrame } from '../../electron/services/letters/render/flow';

// Every character is 10 pt wide; 10 characters per line; 5 lines per page (leading 2 × 10 pt).
const widthOf = (s: string, size: number) => Array.from(s).length * size;
const frame: FlowFrame = { left: 0, width: 100, firstTop: 0, nextTop: 0, bottom: 100, leading: 2 };
const block = (text: string, extra: Partial<FlowBlock> = {}): FlowBlock => ({ text, size: 10, align: 'left', indent: 0, gapBefore: 0, ...extra });
const pagesOf = (blocks: FlowBlock[]) => {
  const { lines, pageCount } = flow(blocks, frame, widthOf);
  return Array.from({ length: pageCount }, (_, p) => lines.filter((l) => l.page === p).map((l) => l.text));
};

describe('flow', () => {
  it('wraps and continues on the next page', () => {
    const pages = pagesOf([block('あ'.repeat(35)), block('い'.repeat(30))]);
    expect(pages).toEqual([
      ['ああああああああああ', 'ああああああああああ', 'ああああああああああ', 'あああああ', 'いいいいいいいいいい'],
      ['いいいいいいいいいい', 'いいいいいいいいいい'],
    ]);
  });

  it('a heading at the bottom of a page moves to the next page with its first item', () => {
    const pages = pagesOf([block('一'), block('二'), block('三'), block('四'), block('見出し', { keepWithNext: true }), block('項目')]);
    expect(pages).toEqual([['一', '二', '三', '四'], ['見出し', '項目']]);
  });

  it('以上 takes the previous line along instead of standing alone', () => {
    const pages = pagesOf([block('一'), block('二'), block('三'), block('四'), block('五'), block('以上', { align: 'right', keepWithPrevious: true })]);
    expect(pages).toEqual([['一', '二', '三', '四'], ['五', '以上']]);
  });

  it('no widow: the last line of a paragraph brings its neighbour to the next page', () => {
    const pages = pagesOf([block('一'), block('二'), block('あ'.repeat(30) + 'い')]);
    expect(pages[0]).toEqual(['一', '二', 'ああああああああああ', 'ああああああああああ']);
    expect(pages[1]).toEqual(['ああああああああああ', 'い']);
  });

  it('a two-line paragraph is never split across pages', () => {
    const pages = pagesOf([block('一'), block('二'), block('三'), block('四'), block('あ'.repeat(15))]);
    expect(pages).toEqual([['一', '二', '三', '四'], ['ああああああああああ', 'あああああ']]);
  });

  it('bulleted items hang: wrapped lines align after the bullet', () => {
    const { lines } = flow([block('・' + 'あ'.repeat(12), { hanging: true, indent: 10 })], frame, widthOf);
    expect(lines.map((l) => [l.text, l.x])).toEqual([
      ['・ああああああああ', 10],
      ['ああああ', 20],
    ]);
  });

  it('right and centre alignment', () => {
    const { lines } = flow([block('以上', { align: 'right' }), block('記', { align: 'center' })], frame, widthOf);
    expect(lines.map((l) => l.x)).toEqual([80, 45]);
  });
});
