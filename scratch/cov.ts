import { realisticForm } from '../test/scans/realistic-form';
const all = new Set<string>();
for (let s = 1; s <= 8; s++) { const f = realisticForm(s); f.marks.forEach((m) => all.add(`${m.style}/${m.ink}`)); console.log(s, f.agent, f.hand, f.marks.map((m) => `${m.style}/${m.ink}`).join(' ')); }
console.log(all.size, [...all].sort().join(' '));
