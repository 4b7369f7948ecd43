// Builds shared/domain/data/kanji-variants.json, the variant-kanji folding table of nameKey (R3,
// search), from @mandel59/mojidata (Kanji Database Project variant lists: 戸籍 (koseki)
// variants, 常用漢字 and 人名用漢字 old/new forms, 表外漢字). That package is ~100 MB and only
// needed here, so it is not a dependency: to refresh the table,
//   npm install --no-save @mandel59/mojidata@1.8.1 && node scripts/build-kanji-variants.mjs
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3-multiple-ciphers');
const dbPath = require.resolve('@mandel59/mojidata/dist/moji.db');
const { version } = require('@mandel59/mojidata/package.json');
const db = new Database(dbPath, { readonly: true });

const TABLES = ['kdpv_koseki/variant', 'kdpv_joyo/variant', 'kdpv_jinmei1/variant', 'kdpv_jinmei2/variant', 'kdpv_hyogai/variant'];
// Office practice on top of the lists: 齊藤/齋藤/斉藤/斎藤 are one family name to a search box.
const EXTRA = [['斎', '斉']];
const single = (s) => [...s].length === 1 && !/[\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]/u.test(s);

const parent = new Map();
const find = (c) => {
  while (parent.has(c) && parent.get(c) !== c) c = parent.get(c);
  return c;
};
const union = (a, b) => {
  const ra = find(a), rb = find(b);
  if (!parent.has(ra)) parent.set(ra, ra);
  if (!parent.has(rb)) parent.set(rb, rb);
  if (ra !== rb) parent.set(rb, ra);
};
for (const t of TABLES) {
  for (const { subject, object } of db.prepare(`SELECT subject, object FROM "${t}"`).all()) {
    const a = subject.normalize('NFKC'), b = object.normalize('NFKC');
    if (single(a) && single(b) && a !== b) union(a, b);
  }
}
for (const [a, b] of EXTRA) union(a, b);

const joyo = new Set(db.prepare('SELECT DISTINCT 漢字 AS k FROM joyo').all().map((r) => r.k));
const classes = new Map();
for (const c of parent.keys()) {
  const r = find(c);
  if (!classes.has(r)) classes.set(r, []);
  classes.get(r).push(c);
}
// The class's key character: a 常用漢字 (today's form) when there is one, else the smallest BMP code point.
const rank = (c) => (joyo.has(c) ? 0 : 1) * 0x200000 + c.codePointAt(0);
// One string of (variant, key) code-point pairs: small to ship, and typed as a plain string.
let pairs = '';
let n = 0;
for (const members of [...classes.values()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const key = members.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  for (const m of members.sort()) if (m !== key) (pairs += m + key), n++;
}
const out = { source: `@mandel59/mojidata ${version} (Kanji Database Project: ${TABLES.map((t) => t.slice(5)).join(', ')})`, pairs };
const file = fileURLToPath(new URL('../shared/domain/data/kanji-variants.json', import.meta.url));
writeFileSync(file, JSON.stringify(out) + '\n');
console.log(`${n} variants in ${classes.size} groups -> ${file}`);
