import sharp from 'sharp';
import { decodeScanAll, rotatePage, deskewAngle, rotateBy } from '../electron/services/imaging';
import { detectFormTurn } from '../electron/services/intake/form-reader';
import { realisticForm, scanForm, variantById } from '../test/scans/realistic-form';
async function main() {
  const file = await scanForm(realisticForm(3), variantById('grey-300-q85'));
  for (const deg of [0, 180, 90, 0, 180, 90]) {
    const b = deg ? await sharp(file.bytes).rotate(deg).jpeg({ quality: 90 }).toBuffer() : file.bytes;
    let t = performance.now();
    const [p] = await decodeScanAll(b, 'x.jpg');
    const tDec = performance.now() - t; t = performance.now();
    const turn = await detectFormTurn(p!);
    const tTurn = performance.now() - t; t = performance.now();
    const up = turn ? await rotatePage(p!.png, turn) : p!;
    const tRot = performance.now() - t; t = performance.now();
    const skew = await deskewAngle(up.png);
    const st = Math.abs(skew) >= 0.3 ? await rotateBy(up.png, skew) : up;
    const tSk = performance.now() - t;
    console.log(deg, turn, 'decode', tDec.toFixed(0), 'turn', tTurn.toFixed(0), 'rotate', tRot.toFixed(0), 'deskew', tSk.toFixed(0), skew, p!.png.length, up.png.length);
  }
}
main();
