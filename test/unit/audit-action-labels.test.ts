import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames, contract } from '@shared/contract';
import fc from 'fast-check';
import { knownActions } from '../../renderer/src/features/audit/actions';
import { actionWords, codesForText, fieldWords, summaryLine, valueWords } from '../../renderer/src/features/audit/wording';
import { auditWordsEn, auditWordsJa } from '../../renderer/src/i18n/sections/audit';

const SERVICES = join(__dirname, '../../electron/services');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Action names the services write (S3): literals on lines that name an action or pass one on. */
function writtenActions(): Set<string> {
  const channels = new Set<string>(channelNames);
  const found = new Set<string>();
  for (const file of sources(SERVICES)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!/action|this\.update\(|this\.change\(|replaceImage\(/.test(line)) continue;
      for (const m of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) if (!channels.has(m[1]!)) found.add(m[1]!);
    }
  }
  return found;
}

function balanced(text: string, start: number): string {
  const open = text[start]!;
  const close = open === '{' ? '}' : ')';
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

/**
 * Field names the services write into audit summaries: keys of `summary: {…}` literals and of
 * the objects handed to the helpers that build summaries (this.change / this.update /
 * replaceImage), including keys inside conditional spreads.
 */
function writtenSummaryFields(): Set<string> {
  // Keys of the append call itself and of image/row patches, which are not summary fields.
  // Also the arguments of the slot writes inside staff updates' callbacks (login, passphrase, flag).
  const notSummary = new Set(['action', 'actor', 'summary', 'recordType', 'recordId', 'png', 'thumbnail', 'width', 'height', 'image', 'id', 'kind_confirmed', 'position', 'updated_at', 'passphrase', 'next', 'false', 'true']);
  const found = new Set<string>();
  for (const file of sources(SERVICES)) {
    const text = readFileSync(file, 'utf8');
    const blocks: string[] = [];
    for (const m of text.matchAll(/summary: \{/g)) blocks.push(balanced(text, m.index! + m[0].length - 1));
    for (const m of text.matchAll(/(?:this\.change|this\.update|replaceImage)\(/g)) blocks.push(balanced(text, m.index! + m[0].length - 1));
    for (const block of blocks) {
      for (const k of block.matchAll(/(?<![?.\w])(\w+)\s*:(?!:)/g)) found.add(k[1]!);
      for (const k of block.matchAll(/[{,]\s*(\w+)\s*(?=[,}])/g)) found.add(k[1]!);
    }
  }
  for (const k of notSummary) found.delete(k);
  return found;
}

describe('audit trail labels (S3)', () => {
  it('every action the services write has a ja/en label, so the trail reads as words', () => {
    const written = writtenActions();
    // Built from a state name at run time (money_order.${to}); listed here so the scan sees them.
    for (const to of ['cashed', 'returned', 'lapsed']) written.add(`money_order.${to}`);
    expect(written.size).toBeGreaterThan(40);
    const known = new Set<string>(knownActions);
    expect([...written].filter((a) => !known.has(a)).sort()).toEqual([]);
  });

  it('every action has words in both languages (not the code)', () => {
    for (const a of knownActions) {
      expect(actionWords(a, 'ja'), a).not.toBe(a);
      expect(actionWords(a, 'en'), a).not.toBe(a);
    }
  });

  it('every summary field the services write has words in both languages (#13 item 7)', () => {
    const fields = writtenSummaryFields();
    // Anchors: the scan sees literal, shorthand and spread keys.
    for (const k of ['caseNo', 'delivery', 'results', 'deliveredOn', 'insteadOfCaseId', 'wordsRemoved']) expect(fields, k).toContain(k);
    expect(fields.size).toBeGreaterThan(60);
    // settings.updated writes one field per changed setting; page.deleted writes the page row.
    // `versions` is the edit's optimistic versions (#16 item 3), not a setting.
    const settingsKeys = Object.keys((contract['settings.update'].input as unknown as { shape: Record<string, unknown> }).shape).filter((k) => k !== 'versions');
    expect(settingsKeys).toContain('responseTargetDays');
    for (const k of [...settingsKeys, 'case_id', 'source_page', 'import_id', 'kind']) fields.add(k);
    const missing = [...fields].filter((k) => !(k in auditWordsJa.fields) || !(k in auditWordsEn.fields));
    expect(missing.sort()).toEqual([]);
  });
});

describe('audit values in words (#13 item 7)', () => {
  it('reads the codes the issue quoted: checklist results, delivery methods, state changes', () => {
    const results = { action: 'case.checked', summary: { overall: 'needs_review', results: [['I3', 'pass'], ['D2', 'fail']] } };
    expect(summaryLine(results, 'ja')).toBe('総合判定: 要確認 · 確認項目の結果: I3 適合、D2 不適合');
    expect(summaryLine(results, 'en')).toBe('Overall: Needs review · Check results: I3 Pass, D2 Fail');
    expect(valueWords('delivery', 'ippan_kakitome', 'ja')).toBe('一般書留');
    expect(summaryLine({ action: 'case.status_changed', summary: { caseNo: '2026-0001', from: 'received', to: 'checking' } }, 'ja')).toMatch(/^案件番号: 2026-0001 · 変更前: .+ · 変更後: .+$/);
    // The same code in another context: a money order's 'received' is not a case's.
    expect(valueWords('to', 'received', 'ja', 'money_order.cashed')).toBe('受領（未換金）');
    expect(valueWords('responseDayCount', 'business', 'ja')).toBe('営業日');
    expect(valueWords('grounds', ['business'], 'ja')).not.toBe('営業日');
    expect(summaryLine({ action: 'settings.updated', summary: { responseTargetDays: [14, 10] } }, 'ja')).toBe('回答目標の日数: 14 → 10');
    expect(valueWords('redMarking', true, 'ja')).toBe('はい');
    expect(valueWords('letterId', 'c968fe37-c4f1-4b7d-bd38-bf8f63c00190', 'ja')).toBe('c968fe37…');
  });

  it('no summary built from known fields and codes shows a field name, a code or JSON', () => {
    const fieldKeys = Object.keys(auditWordsJa.fields);
    const codes = Object.keys(auditWordsJa.values).filter((c) => /^[a-z]+(_[a-z]+)+$/.test(c));
    const value = fc.oneof(fc.constantFrom(...codes), fc.boolean(), fc.integer(), fc.array(fc.constantFrom(...codes), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fieldKeys), value, { minKeys: 1, maxKeys: 5 }), fc.constantFrom(...knownActions), (summary, action) => {
        for (const lang of ['ja', 'en'] as const) {
          const line = summaryLine({ action, summary }, lang);
          for (const key of Object.keys(summary)) expect(line).toContain(`${fieldWords(key, lang)}: `);
          for (const c of codes) if (!auditWordsJa.fields[c]) expect(line).not.toMatch(new RegExp(`(^|[ 、,:])${c}($|[ 、,])`));
          expect(line).not.toMatch(/[[{]"/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('search words map back to codes: 削除 finds the deletions, 一般書留 the delivery method', () => {
    const deleted = codesForText('削除');
    expect(deleted).toEqual(expect.arrayContaining(['page.deleted', 'staff.removed', 'document.removed']));
    expect(deleted).not.toContain('page.viewed');
    expect(codesForText('一般書留')).toContain('ippan_kakitome');
    expect(codesForText('ＰＡＧＥ deleted')).toContain('page.deleted'); // width and case folded
    expect(codesForText('   ')).toEqual([]);
    // Whatever is typed, the codes fit the contract (audit.list `codes`).
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const out = codesForText(text);
        expect(out.length).toBeLessThanOrEqual(300);
        for (const c of out) expect(c).toMatch(/^[A-Za-z0-9_.]{1,64}$/);
      }),
    );
  });
});
