/**
 * Line breaking for mixed Japanese/Latin text (pdf-lib only breaks at spaces, and Japanese
 * has none). Latin words stay whole; CJK breaks between any two characters except that
 * closing punctuation never starts a line (simple 禁則).
 */

const NO_LINE_START = new Set(Array.from('、。，．・：；？！ー）」』】〕〉》”’)]},.:;!?ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々'));

/** Break units: runs of Latin letters/digits (words) or single other characters. */
function units(line: string): string[] {
  return line.match(/[A-Za-z0-9@._\-+/'’:%#&()[\],]+|\s+|./gsu) ?? [];
}

export function wrapText(text: string, widthOf: (s: string) => number, maxWidth: number): string[] {
  const out: string[] = [];
  for (const para of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const unit of units(para)) {
      if (line !== '' && (widthOf(line + unit) <= maxWidth || NO_LINE_START.has(unit))) {
        line += unit; // fits, or closing punctuation hanging at the line end
        continue;
      }
      if (line !== '') out.push(line.trimEnd());
      line = line !== '' && /^\s+$/.test(unit) ? '' : unit;
      // A single word wider than the line: cut it by characters.
      let chars = Array.from(line);
      while (chars.length > 1 && widthOf(line) > maxWidth) {
        let cut = chars.length - 1;
        while (cut > 1 && widthOf(chars.slice(0, cut).join('')) > maxWidth) cut--;
        out.push(chars.slice(0, cut).join(''));
        chars = chars.slice(cut);
        line = chars.join('');
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}
