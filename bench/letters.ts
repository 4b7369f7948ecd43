// Letters (#6, #14): time to render one letter PDF in a warm process, and its size with the font
// subset embedded. Each timed letter has a different applicant (new characters, so the font
// subset cache cannot answer): what issuing a day's letters costs. A reprint of the same
// letter (subset cached) is shown beside it.
import { loadavg } from 'node:os';
import { composeLetter, LETTER_TEMPLATES, type LetterTemplateId } from '../shared/domain/letters';
import { renderLetter } from '../electron/services/letters/render';
import { LETTER_CASES, renderInput } from '../test/helpers/letters-fixture';
import { result, type BenchResult } from './report';
import { cpuTime, figure, interleave, medianOf, rounds, spreadOf } from './rounds';

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

/**
 * Per-letter times in rounds (bench/rounds.ts): each round renders `perRound` new applicants'
 * letters and gives their median; the figure is the median of the rounds with its spread.
 * Wall time is the target (what a clerk waits for); the CPU time beside it is what the same
 * letters cost this process, which other jobs on a shared machine barely move.
 */
export async function benchLetters(): Promise<BenchResult[]> {
  for (const t of LETTER_TEMPLATES) await renderLetter(renderInput(t)); // fonts read, code warm
  // 4 rounds, more (up to 9) while the CPU figure's spread is over 15 % of its median (rounds.ts).
  const roundCount = Number(process.env.KAIJI_BENCH_ROUNDS ?? 4);
  const perRound = 20;
  let next = 0;
  const wallOf: number[] = [];
  const t = await interleave(
    {
      // Every letter has an applicant not seen before (new characters: no cached subset).
      letter: async () => {
        const wall: number[] = [];
        const cpu: number[] = [];
        for (let i = 0; i < perRound; i++) {
          const input = variedInput(next++);
          const t0 = performance.now();
          cpu.push(await cpuTime(() => renderLetter(input)));
          wall.push(performance.now() - t0);
        }
        wallOf.push(medianOf(wall));
        return medianOf(cpu);
      },
    },
    { rounds: roundCount, warmup: 1, gc: true, until: { figure: (x) => spreadOf(x.letter), tolerance: 0.15, maxRounds: Math.max(roundCount, 9) } },
  );
  const wall = wallOf.slice(1); // the warm-up round's
  // The same mix of letters again, each right after its first rendering (subset cached).
  const again = await rounds(roundCount, async () => {
    const input = variedInput(10_000 + next++);
    await renderLetter(input);
    const t0 = performance.now();
    await renderLetter(input);
    return performance.now() - t0;
  });
  const sizes = await Promise.all(LETTER_TEMPLATES.map(async (tpl) => (await renderLetter(renderInput(tpl))).pdf.byteLength / 1024));
  return [
    // Other helpers' jobs share the 2 cores: keep the load next to the timings.
    result('letters: 1-min load average', loadavg()[0]!, 'procs', null),
    figure(`letters: render one letter, warm, new applicant (median of ${perRound} per round)`, spreadOf(wall), 'ms', { max: 15 }),
    // The same target on CPU time: what a letter costs this process, which the other jobs on
    // a shared machine barely move (wall time waits for a core when the load exceeds them).
    figure(`letters: same letters, CPU time of this process (median of ${perRound} per round)`, spreadOf(t.letter), 'ms', { max: 15 }),
    figure('letters: render a letter again, e.g. a reprint (font subset cached)', again, 'ms', null),
    result(`letters: largest letter PDF, fonts embedded (${LETTER_TEMPLATES.length} templates, ja)`, Math.max(...sizes), 'KB', 30),
    result('letters: smallest letter PDF', Math.min(...sizes), 'KB', null),
  ];
}
