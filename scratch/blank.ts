import { writeFileSync } from 'node:fs';
import { generateApplicationForm } from '../electron/services/forms/application-form-pdf';
import { rasterizePdf } from '../electron/services/imaging';
import { DEMO_COMPANY } from '../electron/services/demo/demo-scans';
const t0 = Date.now();
const pdf = await generateApplicationForm(DEMO_COMPANY, { fields: 'none' });
console.log('gen', Date.now() - t0);
for await (const p of rasterizePdf(pdf, { dpi: 150 })) { writeFileSync('/tmp/marks-work/blank150.png', p.png); console.log(p.width, p.height, Date.now() - t0); }
