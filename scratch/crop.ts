import sharp from 'sharp';
import { realisticForm, scanForm, variantById } from '../test/scans/realistic-form';
async function main() {
  const [seed, id, x, y, w, h] = process.argv.slice(2);
  const file = await scanForm(realisticForm(Number(seed)), variantById(id!));
  const dpi = variantById(id!).dpi; const s = dpi / 72;
  await sharp(file.bytes).extract({ left: Math.round(Number(x) * s), top: Math.round(Number(y) * s), width: Math.round(Number(w) * s), height: Math.round(Number(h) * s) }).resize({ width: 800 }).png().toFile('/tmp/marks-work/crop.png');
}
main();
