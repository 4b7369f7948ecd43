/**
 * The scanner folder never skips a file silently (issue 12 item 8): names starting with a dot,
 * without a scan extension, with spaces, full-width or emoji characters, or bytes that are not
 * UTF-8 are imported by their content or reported as failed. Stored OCR text keeps the
 * ideographic space (U+3000), never "_", and search still finds the words either side of it.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, useCores, value } from '../helpers/core';
import { drawPage } from '../helpers/ocr-pages';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

describe('scanner folder: odd names (issue 12 item 8)', () => {
  it('imports or reports every file, whatever its name', async () => {
    const { call } = makeCore({ dataDir: tempDir(), ocrWorkers: 2, scannerPollMs: 3_600_000 });
    value(await call('vault.setup', ADMIN));
    const folder = join(tempDir(), 'scanner');
    mkdirSync(folder);
    value(await call('settings.update', { scannerFolder: folder }));
    const page = (word: string) => drawPage([`住民票の写し ${word}`, '氏名　山田　太郎']);
    writeFileSync(join(folder, '.scan0001.png'), page('一'));
    writeFileSync(join(folder, 'スキャン 0002（両面）😀.ＰＮＧ'), page('二'));
    writeFileSync(join(folder, 'scan0003'), page('三'));
    // A name in Shift_JIS (スキャン.png) from an older scanner: not UTF-8 at all.
    writeFileSync(Buffer.concat([Buffer.from(folder + '/'), Buffer.from([0x83, 0x58, 0x83, 0x4c, 0x83, 0x83, 0x83, 0x93]), Buffer.from('.png')]), page('四'));
    writeFileSync(join(folder, '.DS_Store'), Buffer.from('Bud1 not a scan'));
    mkdirSync(join(folder, '.hidden-folder'));

    expect(value(await call('scanner.poll', {})).files).toEqual([]);
    const polled = value(await call('scanner.poll', {}));
    const states = Object.fromEntries(polled.files.map((f) => [f.name, f.state]));
    expect(polled.files).toHaveLength(5);
    expect(states['.scan0001.png']).toBe('done');
    expect(states['スキャン 0002（両面）😀.ＰＮＧ']).toBe('done');
    expect(states['scan0003']).toBe('done');
    expect(states['\ufffdX\ufffdL\ufffd\ufffd\ufffd\ufffd.png']).toBe('done');
    // Not a scan: reported (and left for a person to look at), not skipped.
    expect(polled.files.find((f) => f.name === '.DS_Store')).toMatchObject({ state: 'failed', error: { code: 'FILE_UNSUPPORTED' } });
    expect(readdirSync(folder).sort()).toEqual(['.DS_Store', '.hidden-folder']);
    // Reported once, not again on every pass while unchanged.
    expect(value(await call('scanner.poll', {})).files).toEqual([]);

    const pages = value(await call('pages.list', {}));
    expect(pages).toHaveLength(4);
    for (const p of pages) {
      const { text } = value(await call('pages.text', { id: p.id }));
      expect(text).toContain('山田\u3000太郎');
      expect(text).not.toContain('_');
    }
    expect(value(await call('search.text', { query: '山田太郎' }))).toHaveLength(4);
    expect(value(await call('search.text', { query: '山田　太郎' }))).toHaveLength(4);
  }, 120_000);
});
