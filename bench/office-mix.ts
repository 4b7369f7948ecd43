// What the `office` bench group asks of both back ends (bench/office-bench.ts) and of every desk
// (bench/office-desk.ts): the interactive reads issue 16 names, with inputs that vary call by
// call. Pure (no database), so the desks and the parent share it and test/unit/bench-office.test.ts
// checks it: every input passes its channel's schema, each search asks the field it is meant to,
// and each text query names exactly one scanned page of the fill.
import type { ChannelName } from '../shared/contract';
import { demoPeople } from '../electron/services/demo/demo-people';
import { percentile } from './report';

export interface MixItem {
  /** Short key (figure names, desk reports). */
  key: string;
  /** What it is, for the figure's name. */
  label: string;
  channel: ChannelName;
  /** The input of the i-th call (i ≥ 0). */
  input: (i: number) => Record<string, unknown>;
}

/** The fill's people (bench/fill.ts: demoPeople(…, 11)): family names and the first two kana of their readings. */
export function fillFamilies(): { kanji: string[]; kana: string[] } {
  const kanji = new Set<string>();
  const kana = new Set<string>();
  for (const p of demoPeople(400, 11)) {
    kanji.add(p.name.split(' ')[0]!);
    kana.add([...p.kana.split(' ')[0]!].slice(0, 2).join(''));
  }
  return { kanji: [...kanji].sort(), kana: [...kana].sort() };
}

/** States of the list filter, open ones first: the fill has every open state and years of closed cases. */
export const FILTER_STATES = ['received', 'checking', 'deficient', 'accepted', 'deciding', 'responding', 'closed'] as const;

/** The scanned text of the fill's i-th page (one a case: an application form as OCR reads it). */
export function pageText(caseNo: string, i: number): string {
  return `開示等請求書 ${caseNo} 請求者 第${i}号 application_form`;
}

/** The i-th text query over `nPages` pages: a number from one page (`第N号`), found on that page only. */
export function textQuery(i: number, nPages: number): string {
  return `第${(((i * 7919 + 13) % nPages) + nPages) % nPages}号`;
}

/** The mix, in the order a desk runs it. `nPages`: scanned pages in the fill (one per case). */
export function officeMix(nPages: number): MixItem[] {
  const { kanji, kana } = fillFamilies();
  const at = <T>(list: readonly T[], i: number) => list[((i % list.length) + list.length) % list.length]!;
  return [
    { key: 'list', label: 'cases.list first page, default sort', channel: 'cases.list', input: () => ({}) },
    { key: 'list-state', label: 'cases.list first page, one state', channel: 'cases.list', input: (i) => ({ filter: { states: [at(FILTER_STATES, i)] } }) },
    { key: 'name-kanji', label: 'name search, kanji name key', channel: 'cases.list', input: (i) => ({ query: at(kanji, i * 7) }) },
    { key: 'name-kana', label: 'name search, kana prefix', channel: 'cases.list', input: (i) => ({ query: at(kana, i * 7) }) },
    { key: 'text', label: 'text search, scanned text tokens', channel: 'search.text', input: (i) => ({ query: textQuery(i, nPages) }) },
    { key: 'today', label: 'today.overview', channel: 'today.overview', input: () => ({}) },
  ];
}

/** One desk's timings: per mix key, per round, every call's wall time (ms). */
export type DeskSamples = Record<string, number[][]>;

/**
 * Per round, the p-th percentile of every desk's calls of `key` in that round (all desks pooled:
 * what the office's staff saw while all desks worked at once).
 */
export function pooledPercentiles(desks: readonly DeskSamples[], key: string, p = 95): number[] {
  if (desks.length === 0) throw new Error('pooledPercentiles: no desks');
  const rounds = desks[0]![key]?.length ?? 0;
  if (rounds === 0 || desks.some((d) => d[key]?.length !== rounds)) throw new Error(`pooledPercentiles: every desk needs the same rounds of ${key}`);
  return Array.from({ length: rounds }, (_, r) => {
    const pooled = desks.flatMap((d) => d[key]![r]!);
    if (pooled.length === 0) throw new Error(`pooledPercentiles: round ${r} of ${key} has no calls`);
    return percentile(pooled, p);
  });
}
