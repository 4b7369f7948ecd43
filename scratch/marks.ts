import { ALIGNMENT_MARKS, MARK_SIZE, PAGE } from '../shared/domain/application-form';
import { decodeScanAll } from '../electron/services/imaging';
import { greyPixels, findSquare } from '../electron/services/intake/page-geometry';
import { realisticForm, scanForm, variantById } from '../test/scans/realistic-form';
import sharp from 'sharp';
async function main() {
  const [seed, id] = process.argv.slice(2);
  const file = await scanForm(realisticForm(Number(seed)), variantById(id!));
  const [p] = await decodeScanAll(file.bytes, file.fileName);
  const g = await greyPixels(p!.png);
  const scale = g.width / PAGE.width;
  for (const mark of ALIGNMENT_MARKS) {
    const cx = mark.zone.x + mark.zone.width / 2, cy = mark.zone.y + mark.zone.height / 2, reach = 40;
    const r = { x: Math.round((cx - reach) * scale), y: Math.round((cy - reach) * scale), width: Math.round(2 * reach * scale), height: Math.round(2 * reach * scale) };
    console.log(mark.id, r, findSquare(g, r, MARK_SIZE * scale * 0.85));
    if (mark.id === 'br') await sharp(p!.png).extract({ left: r.x, top: r.y, width: Math.min(r.width, g.width - r.x), height: Math.min(r.height, g.height - r.y) }).toFile('/tmp/marks-work/br.png');
  }
}
main();
