// Letters (#6): time to render one letter PDF in a warm process, and its size with the font
// subset embedded. Each timed letter has a different applicant (new characters, so the font
// subset cache cannot answer): what issuing a day's letters costs. A reprint of the same
// letter (subset cached) is shown beside it.
import { loadavg } from 'node:os';
import { composeLetter, LETTER_TEMPLATES, type LetterTemplateId } from '../shared/domain/letters';
import { renderLetter } from '../electron/services/letters/render';
import { LETTER_CASES, renderInput } from '../test/helpers/letters-fixture';
import { median, result, type BenchResult } from './report';

const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山口', '松本', '井上', '木村', '斎藤'];
const GIVEN = ['翔太', '陽菜', '蓮', '結衣', '大翔', '美咲', '悠真', '葵', '湊', '凛', '樹', '紬', '颯', '澪', '律', '楓'];

function variedInput(i: number) {
  const t: LetterTemplateId = LETTER_TEMPLATES[i % LETTER_TEMPLATES.length]!;
  const name = `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
  const data = { ...LETTER_CASES[t], recipient: { ...LETTER_CASES[t].recipient, name } };
  return renderInput(t, 'ja', {
    letterId: `bench-${i}`,
    recipient: { postalCode: '100-0001', address: `東京都千代田区千代田${(i % 9) + 1}-${i}`, name, honorific: '様' },
    draft: composeLetter(t, data, 'ja'),
  });
}

export async function benchLetters(): Promise<BenchResult[]> {
  for (const t of LETTER_TEMPLATES) await renderLetter(renderInput(t)); // fonts read, code warm
  const fresh: number[] = [];
  for (let i = 0; i < 40; i++) {
    const input = variedInput(i);
    const t0 = performance.now();
    await renderLetter(input);
    fresh.push(performance.now() - t0);
  }
  // The same mix of letters again, each right after its first rendering (subset cached).
  const again: number[] = [];
  for (let i = 100; i < 120; i++) {
    const input = variedInput(i);
    await renderLetter(input);
    const t0 = performance.now();
    await renderLetter(input);
    again.push(performance.now() - t0);
  }
  const sizes = await Promise.all(LETTER_TEMPLATES.map(async (t) => (await renderLetter(renderInput(t))).pdf.byteLength / 1024));
  return [
    // Other helpers' jobs share the 2 cores: keep the load next to the timings.
    result('letters: 1-min load average', loadavg()[0]!, 'procs', null),
    result('letters: render one letter, warm, new applicant (median of 40)', median(fresh), 'ms', 40),
    result('letters: render a letter again, e.g. a reprint (font subset cached, median of 20)', median(again), 'ms', null),
    result('letters: largest letter PDF, fonts embedded (10 templates, ja)', Math.max(...sizes), 'KB', 80),
    result('letters: smallest letter PDF', Math.min(...sizes), 'KB', null),
  ];
}
