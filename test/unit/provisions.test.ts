import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeLetter, draftText } from '../../shared/domain/letters';
import { LETTER_CASES } from '../helpers/letters-fixture';
import {
  checkProvision,
  fingerprintText,
  provisionRetentionUntil,
  readBasis,
  readProvisionRow,
  samePerson,
  type DoNotProvideEntry,
  type ProvisionEntryInput,
} from '../../shared/domain/provisions';
import { parseCsv, readTableFile } from '../../electron/services/provisions/table-file';

const MAPPING = { providedOn: 0, recipient: 1, name: 2, kana: 3, birthDate: 4, address: 5, items: 6, basis: 7 };

describe('provision rows (T1)', () => {
  it('reads era and slash dates, Japanese bases, and reports each bad field', () => {
    expect(readProvisionRow(['令和8年3月1日', ' 東都保険 ', '山田 太郎', '', 'S60.4.1', '', '氏名', '委託'], MAPPING)).toEqual({
      ok: true,
      entry: { providedOn: '2026-03-01', recipient: '東都保険', name: '山田 太郎', kana: '', birthDate: '1985-04-01', address: '', items: '氏名', basis: 'contract' },
    });
    const bad = readProvisionRow(['2026/2/30', '', '山田', '', '', '', '氏名', '寄付'], MAPPING);
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(['recipient', 'providedOn', 'basis']);
    expect(readBasis('ＯＰＴ－ＯＵＴ'.normalize('NFKC'))).toBe('opt_out');
  });

  it('the fingerprint ignores spacing, width and date notation but not the content', () => {
    const e: ProvisionEntryInput = { providedOn: '2026-03-01', recipient: '東都保険株式会社', name: '山田 太郎', kana: 'ヤマダ タロウ', birthDate: null, address: '千代田1丁目2番3号', items: '氏名・住所', basis: 'consent' };
    expect(fingerprintText({ ...e, recipient: '東都保険　株式会社', name: '山田太郎', kana: 'ﾔﾏﾀﾞﾀﾛｳ', address: '千代田１－２－３' })).toBe(fingerprintText(e));
    for (const change of [{ providedOn: '2026-03-02' }, { items: '氏名' }, { basis: 'contract' as const }, { recipient: '東都損保' }]) {
      expect(fingerprintText({ ...e, ...change })).not.toBe(fingerprintText(e));
    }
  });

  it('reads Shift_JIS exports (not valid UTF-8) and UTF-8 with a BOM', async () => {
    const sjis = Buffer.concat([Buffer.from('name,basis\r\n'), Buffer.from([0x8e, 0x52, 0x93, 0x63]), Buffer.from(',consent\r\n')]);
    expect(await readTableFile(sjis)).toEqual({ format: 'csv', rows: [['name', 'basis'], ['山田', 'consent']] });
    expect((await readTableFile(Buffer.from('\uFEFFname\n山田', 'utf8'))).rows).toEqual([['name'], ['山田']]);
  });

  it('CSV: quotes, doubled quotes, line breaks inside quotes, CRLF, tab-separated files', () => {
    expect(parseCsv('a,"b,c","d ""e""\nf"\r\n1,2,3\n\n')).toEqual([
      ['a', 'b,c', 'd "e"\nf'],
      ['1', '2', '3'],
    ]);
    expect(parseCsv('x\ty\n1\t2')).toEqual([
      ['x', 'y'],
      ['1', '2'],
    ]);
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text)).toEqual(rows);
      }),
    );
  });
});

describe('same person and the do-not-provide check (R3, T2)', () => {
  const person = { name: '山田 太郎', kana: 'ヤマダ タロウ', birthDate: '1985-04-01', address: null };
  const listed = (over: Partial<DoNotProvideEntry> = {}): DoNotProvideEntry => ({ id: 'x', ...person, recipient: null, fromDate: '2026-06-01', caseNo: '2026-0001', ...over });

  it('samePerson is symmetric; birth dates decide when both are known', () => {
    const arb = fc.record({
      name: fc.constantFrom('山田 太郎', '山田太郎', '佐藤 花子', ''),
      kana: fc.constantFrom('ヤマダ タロウ', 'やまだたろう', 'サトウ', ''),
      birthDate: fc.constantFrom('1985-04-01', '1990-12-24', null),
      address: fc.constantFrom('東京都千代田区1-2-3', '東京都千代田区1丁目2番3号', null),
    });
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        expect(samePerson(a, b)).toBe(samePerson(b, a));
        if (a.birthDate && b.birthDate && a.birthDate !== b.birthDate) expect(samePerson(a, b)).toBe(false);
      }),
    );
    expect(samePerson(person, { name: '山田太郎', kana: 'ﾔﾏﾀﾞﾀﾛｳ', birthDate: null, address: null })).toBe(true);
  });

  it('refuses from the decision date on, for every recipient or the one named', () => {
    expect(checkProvision(person, '東都保険', '2026-05-31', [listed()]).allowed).toBe(true);
    expect(checkProvision(person, '東都保険', '2026-06-01', [listed()])).toEqual({ allowed: false, blockedBy: [{ id: 'x', fromDate: '2026-06-01', caseNo: '2026-0001' }] });
    expect(checkProvision(person, '東都保険', '2026-07-01', [listed({ recipient: '北辰運輸' })]).allowed).toBe(true);
    expect(checkProvision(person, '北辰 運輸', '2026-07-01', [listed({ recipient: '北辰運輸' })]).allowed).toBe(false);
    expect(checkProvision({ ...person, birthDate: '1990-12-24' }, '東都保険', '2026-07-01', [listed()]).allowed).toBe(true);
  });
});

describe('retention (T1)', () => {
  it('3 years from the provision; 1 year from the last provision where a contract stands in', () => {
    expect(provisionRetentionUntil({ providedOn: '2026-02-28', basis: 'consent' })).toBe('2029-02-28');
    expect(provisionRetentionUntil({ providedOn: '2024-02-29', basis: 'opt_out' })).toBe('2027-02-28');
    expect(provisionRetentionUntil({ providedOn: '2026-03-01', basis: 'contract' })).toBe('2027-03-01');
    expect(provisionRetentionUntil({ providedOn: '2026-03-01', basis: 'contract' }, '2026-09-15')).toBe('2027-09-15');
    // An earlier "last" date never shortens it.
    expect(provisionRetentionUntil({ providedOn: '2026-03-01', basis: 'contract' }, '2025-01-01')).toBe('2027-03-01');
  });
});

describe('the K6 letter from the register', () => {
  const base = LETTER_CASES.provision_records;
  it('lists each record with its era date, or says none exist; without register data it keeps the enclosure list', () => {
    const listed = draftText(composeLetter('provision_records', { ...base, provisionRecords: [{ providedOn: '2026-05-12', recipient: '東都保険株式会社', items: '氏名・住所', basis: 'consent' }] }, 'ja'));
    expect(listed).toContain('令和8年5月12日　提供先：東都保険株式会社　項目：氏名・住所　根拠：本人の同意');
    const none = draftText(composeLetter('provision_records', { ...base, provisionRecords: [] }, 'en'));
    expect(none).toContain('No record exists.');
    expect(draftText(composeLetter('provision_records', base, 'ja'))).toContain('第三者提供記録の写し');
  });
});

describe('report percentiles (#15 item 4)', () => {
  it('nearest rank: a value of the data, at least p % at or below it, and the smallest such', async () => {
    const { nearestRank } = await import('../../shared/domain/reports');
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([8, 19], 50)).toBe(8);
    expect(nearestRank([8, 19, 19], 90)).toBe(19);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 100 }), (raw, p) => {
        const sorted = [...raw].sort((a, b) => a - b);
        const v = nearestRank(sorted, p)!;
        expect(sorted).toContain(v);
        expect(sorted.filter((x) => x <= v).length / sorted.length).toBeGreaterThanOrEqual(p / 100);
        expect(sorted.filter((x) => x < v).length / sorted.length).toBeLessThan(p / 100);
      }),
    );
  });
});

describe('row problems carry no personal values', () => {
  it('messages name the field and the fault, never what was written', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9年月日/\-.]{3,12}$/), (junk) => {
        const r = readProvisionRow(['2026-01-01', 'X社', '山田', '', `${junk}Z`, '', '氏名', '同意'], MAPPING);
        if (!r.ok) for (const p of r.problems) expect(`${p.message.ja}${p.message.en}`).not.toContain(`${junk}Z`);
      }),
    );
    const bad = readProvisionRow(['2026-01-01', 'X社', '山田', '', '1985/2/30', '', '氏名', '同意'], MAPPING);
    expect(bad.ok ? '' : bad.problems[0]!.message.ja).toBe('生年月日は存在しない日付です。');
  });
});
