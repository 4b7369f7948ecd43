/**
 * Reads scripts/field-engines.ts's JSON lines and prints, per field and config, how often the
 * value put into the field's shape (readFieldValue) is exactly the expected one, and its mean
 * confidence when right and when wrong. Pure arithmetic on the file.
 *
 *   npx tsx scripts/field-engines-report.ts FILE [--show field]
 */
import { readFileSync } from 'node:fs';
import type { FieldName } from '../shared/domain/application-form';
import { readFieldValue } from '../shared/domain/form-field-reading';
import { comparableValue } from '../electron/services/demo/demo-scans';

const file = process.argv[2]!;
const show = process.argv.includes('--show') ? process.argv[process.argv.indexOf('--show') + 1] : null;
const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
const configs = ['value', 'base', 'j1', 'l0', 'l1', 'l2', 'ed'];
const columns = [...configs, 'any', 'vote', 'base#', 'l0#', 'l2#', 'ed#'];
const stats = new Map<string, Map<string, { n: number; right: number; confRight: number; confWrong: number }>>();
for (const r of rows) {
  const field = r.field as FieldName;
  const key = `${r.variant} ${field}`;
  const per = stats.get(key) ?? new Map();
  stats.set(key, per);
  for (const c of configs) {
    if (r[c] === undefined || r[c] === null) continue;
    const text = String(r[c]);
    const value = c === 'value' ? text : readFieldValue(field, text, { today: '2026-11-30' }).value;
    const right = comparableValue(value) === comparableValue(String(r.expected));
    const s = per.get(c) ?? { n: 0, right: 0, confRight: 0, confWrong: 0 };
    s.n++;
    const conf = Number(r[c === 'value' ? 'valueConf' : `${c}Conf`] ?? 0);
    if (right) (s.right++, (s.confRight += conf));
    else s.confWrong += conf;
    per.set(c, s);
  }
  // Any config right (what a perfect chooser could get), and a vote of the jpn reads (ties: the app's).
  const shaped = ['base', 'j1', 'l0', 'l1', 'l2'].filter((c) => typeof r[c] === 'string').map((c) => readFieldValue(field, String(r[c]), { today: '2026-11-30' }).value);
  const counts = new Map<string, number>();
  for (const v of shaped) counts.set(comparableValue(v), (counts.get(comparableValue(v)) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  const vote = top && top[1] > 1 ? top[0] : comparableValue(shaped[0] ?? '');
  for (const [c, right] of [['any', shaped.some((v) => comparableValue(v) === comparableValue(String(r.expected)))], ['vote', vote === comparableValue(String(r.expected))]] as const) {
    const s = per.get(c) ?? { n: 0, right: 0, confRight: 0, confWrong: 0 };
    s.n++;
    if (right) s.right++;
    per.set(c, s);
  }
  if (field.endsWith('birthDate') || field === 'application.date') {
    // Are the misses in the digits or in the era? Digits compared alone (元年 as 1).
    const digits = (x: unknown) => String(x ?? '').normalize('NFKC').replace(/元年/g, '1年').replace(/\D+/g, ' ').trim();
    const want = digits(r.expected);
    for (const c of ['base', 'l0', 'l2', 'ed']) {
      if (typeof r[c] !== 'string') continue;
      const s = per.get(`${c}#`) ?? { n: 0, right: 0, confRight: 0, confWrong: 0 };
      s.n++;
      if (digits(r[c]).replace(/ /g, '') === want.replace(/ /g, '')) s.right++;
      per.set(`${c}#`, s);
    }
  }
  if (show && field === show) console.log(configs.map((c) => `${c}:${r[c] ?? '-'}(${r[c === 'value' ? 'valueConf' : `${c}Conf`] ?? ''})`).join('  '), ' <=', r.expected);
}
console.log(`${'variant field'.padEnd(34)} ${columns.map((c) => c.padStart(12)).join('')}`);
for (const [key, per] of [...stats].sort()) {
  const cells = columns.map((c) => {
    const s = per.get(c);
    return (s ? `${s.right}/${s.n} ${s.right ? Math.round(s.confRight / s.right) : '-'}|${s.n - s.right ? Math.round(s.confWrong / (s.n - s.right)) : '-'}` : '-').padStart(12);
  });
  console.log(`${key.padEnd(34)} ${cells.join('')}`);
}
