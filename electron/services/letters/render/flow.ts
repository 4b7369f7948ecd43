/**
 * Flows a letter's blocks (paragraphs, headings, items) into lines on pages. Pure: widths
 * come from a measure function, so the layout is testable without a PDF.
 */
import { wrapText } from '../../forms/text-layout';

export interface FlowBlock {
  text: string;
  size: number;
  align: 'left' | 'center' | 'right';
  /** Left indent from the text margin (pt). */
  indent: number;
  /** Space above the block (pt); dropped at the top of a page. */
  gapBefore: number;
  /** A leading bullet (・ or •) hangs: wrapped lines align after it. */
  hanging?: boolean;
  /** Headings: never the last line of a page. */
  keepWithNext?: boolean;
  /** 以上 / 敬具: never alone at the top of a page (the line before comes along). */
  keepWithPrevious?: boolean;
  bold?: boolean;
}

export interface PlacedLine {
  page: number;
  text: string;
  /** Left edge (pt, from the page's left). */
  x: number;
  /** Top of the em box (pt, from the page's top). */
  top: number;
  size: number;
  bold: boolean;
}

export interface FlowFrame {
  left: number;
  width: number;
  /** Where the first page's text starts, and later pages' text. */
  firstTop: number;
  nextTop: number;
  bottom: number;
  leading: number;
}

const BULLET = /^([・•]\s?)/u;

/** Lines of one block with their x offsets from the margin. */
function blockLines(b: FlowBlock, width: number, widthOf: (s: string, size: number) => number): { text: string; dx: number }[] {
  const measure = (s: string) => widthOf(s, b.size);
  const bullet = b.hanging ? BULLET.exec(b.text)?.[1] : undefined;
  if (bullet) {
    const hang = measure(bullet);
    const rest = wrapText(b.text.slice(bullet.length), measure, width - b.indent - hang);
    return rest.map((l, i) => (i === 0 ? { text: bullet + l, dx: b.indent } : { text: l, dx: b.indent + hang }));
  }
  return wrapText(b.text, measure, width - b.indent).map((l) => {
    const w = measure(l);
    const dx = b.align === 'center' ? (width - w) / 2 : b.align === 'right' ? width - w : b.indent;
    return { text: l, dx };
  });
}

export function flow(blocks: readonly FlowBlock[], frame: FlowFrame, widthOf: (s: string, size: number) => number): { lines: PlacedLine[]; pageCount: number } {
  const lines: PlacedLine[] = [];
  let page = 0;
  let top = frame.firstTop;
  let atPageTop = true;
  blocks.forEach((b, i) => {
    const height = b.size * frame.leading;
    const parts = blockLines(b, frame.width, widthOf);
    if (!atPageTop) top += b.gapBefore;
    // A heading needs room for itself and the first line of what follows.
    const next = blocks[i + 1];
    const needed = b.keepWithNext && next ? height * parts.length + next.size * frame.leading : height;
    if (top + needed > frame.bottom && !atPageTop) {
      page += 1;
      top = frame.nextTop;
      const last = lines.at(-1);
      if (b.keepWithPrevious && last && last.page === page - 1) {
        lines.pop();
        lines.push({ ...last, page, top });
        top += last.size * frame.leading;
      }
    }
    parts.forEach((p, j) => {
      if (top + height > frame.bottom) {
        page += 1;
        top = frame.nextTop;
        // No widow: the last line of a paragraph never starts a page alone; its neighbour comes along.
        const last = lines.at(-1);
        if (j >= 1 && j === parts.length - 1 && last) {
          lines.pop();
          lines.push({ ...last, page, top });
          top += height;
        }
      }
      lines.push({ page, text: p.text, x: frame.left + p.dx, top, size: b.size, bold: b.bold ?? false });
      top += height;
      atPageTop = false;
    });
  });
  return { lines, pageCount: page + 1 };
}
