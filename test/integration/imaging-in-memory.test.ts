/**
 * Scans are personal data: decoding must not leave (or even briefly create) files anywhere.
 * libvips can spill large decoded images to temp files, and pdfjs could fetch assets; so
 * while every kind of input is decoded we watch the temp folder and every file descriptor
 * this process opens. Reading the shipped assets under node_modules (fonts, CMaps) is allowed.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { decodeBatch, deskewAngle, rotateBy, rotatePage, thumbnail } from '../../electron/services/imaging';
import { encryptedPdf, imagePdf, textPagePng, textPdf } from '../unit/imaging-fixtures';

function openFiles(): string[] {
  const out: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith('/') && !target.startsWith('/dev/') && !target.startsWith('/proc/')) out.push(target);
    } catch {
      // closed between listing and reading
    }
  }
  return out;
}

const seen = new Set<string>();
let timer: NodeJS.Timeout | undefined;
let baseline: Set<string>;
const tempBefore = new Set(readdirSync(tmpdir()));

beforeAll(() => {
  baseline = new Set(openFiles());
  // The decoders run on libuv/libvips threads, so the main thread is free to poll.
  timer = setInterval(() => {
    for (const f of openFiles()) if (!baseline.has(f)) seen.add(f);
    for (const f of readdirSync(tmpdir())) if (!tempBefore.has(f)) seen.add(`${tmpdir()}/${f}`);
  }, 2);
});
afterAll(() => clearInterval(timer));

describe('imaging works in memory only', () => {
  it('decodes, transforms and rejects files without creating or opening files', async () => {
    const page = textPagePng();
    const flat = await sharp(page).flatten({ background: '#fff' }).toBuffer();
    // 64 MP colour photo: 192 MB decoded, above libvips' default 100 MB "spill to disc" size.
    const bigJpeg = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#ddd' } })
      .jpeg()
      .toBuffer();
    const files = [
      { fileName: 'a.jpg', bytes: await sharp(flat).jpeg().toBuffer() },
      { fileName: 'b.png', bytes: page },
      { fileName: 'c.tif', bytes: await sharp(flat).tiff({ compression: 'lzw' }).toBuffer() },
      { fileName: 'd.pdf', bytes: Buffer.from(await imagePdf([page, page])) },
      { fileName: 'e.pdf', bytes: Buffer.from(await textPdf()) },
      { fileName: 'f.pdf', bytes: Buffer.from(encryptedPdf()) },
      { fileName: 'g.jpg', bytes: bigJpeg },
    ];
    const results = await decodeBatch(files, { concurrency: 3 });
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, false, true]);
    const first = results[0]!;
    if (!first.ok) throw new Error('a.jpg failed');
    const png = first.pages[0]!.png;
    await rotatePage(png, 90);
    await rotateBy(png, await deskewAngle(png));
    await thumbnail(png);

    // The watcher itself works: a file held open for a moment is noticed.
    const probe = resolve('package.json');
    const handle = await open(probe, 'r');
    await new Promise((r) => setTimeout(r, 50));
    await handle.close();
    expect(seen.has(probe)).toBe(true);
    seen.delete(probe);

    const outsideAssets = [...seen].filter((f) => !f.includes('/node_modules/'));
    expect(outsideAssets).toEqual([]);
  });
});
