/**
 * Scans are personal data: decoding must not leave (or even briefly create) files anywhere.
 * libvips can spill large decoded images to temp files, and pdfjs could fetch assets; so
 * while every kind of input is decoded we watch the temp folder and every file descriptor
 * this process opens. Reading the shipped assets under node_modules (fonts, CMaps) is allowed.
 *
 * On a shared machine (#11 item 14) other processes create folders in the system temp folder,
 * and libuv/libvips read the kernel's CPU list (/sys/devices/system/cpu/online): so this file
 * gets a temp folder of its own (TMPDIR is set before sharp or anything else loads: libvips
 * and os.tmpdir() both read it), and only files that could hold personal data count, not
 * kernel pseudo-files, devices or read-only system and package files.
 */
import { vi } from 'vitest';

const privateTmp = vi.hoisted(() => {
  const fs = process.getBuiltinModule('node:fs');
  const path = process.getBuiltinModule('node:path');
  const os = process.getBuiltinModule('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-imaging-tmp-'));
  process.env.TMPDIR = dir;
  return dir;
});

import { readdirSync, readlinkSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { decodeBatch, deskewAngle, rotateBy, rotatePage, thumbnail } from '../../electron/services/imaging';
import { encryptedPdf, imagePdf, textPagePng, textPdf } from '../unit/imaging-fixtures';

/** Kernel pseudo-files, devices and read-only system/package files cannot hold a scan. */
const NOT_PERSONAL = /^\/(proc|sys|dev|usr|lib|lib32|lib64|etc)\/|\/node_modules\//;
const couldHoldPersonalData = (path: string): boolean => path.startsWith('/') && !NOT_PERSONAL.test(path);

function openFiles(): string[] {
  const out: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (couldHoldPersonalData(target)) out.push(target);
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
afterAll(() => {
  clearInterval(timer);
  rmSync(privateTmp, { recursive: true, force: true });
});

describe('imaging works in memory only', () => {
  it('watches a temp folder of its own, and only paths that could hold personal data', () => {
    expect(tmpdir()).toBe(privateTmp);
    expect(process.env.TMPDIR).toBe(privateTmp);
    for (const p of ['/sys/devices/system/cpu/online', '/proc/self/stat', '/dev/urandom', '/usr/lib/x86_64-linux-gnu/libc.so.6', `${process.cwd()}/node_modules/pdfjs-dist/cmaps/UniJIS-UCS2-H.bcmap`]) {
      expect(couldHoldPersonalData(p), p).toBe(false);
    }
    for (const p of [`${privateTmp}/vips-0.v`, '/tmp/scan.png', '/root/.cache/x', `${process.cwd()}/page-1.png`]) {
      expect(couldHoldPersonalData(p), p).toBe(true);
    }
  });

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

    expect([...seen]).toEqual([]);
  });
});
