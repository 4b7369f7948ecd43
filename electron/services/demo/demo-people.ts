/**
 * Fictitious but realistic applicants for the demo vault and benchmarks: common
 * Japanese family and given names with their readings, real-looking addresses.
 * Deterministic for a seed, so a demo can be recreated identically.
 */
const FAMILY: [string, string][] = [
  ['佐藤', 'さとう'], ['鈴木', 'すずき'], ['高橋', 'たかはし'], ['田中', 'たなか'], ['伊藤', 'いとう'],
  ['渡辺', 'わたなべ'], ['山本', 'やまもと'], ['中村', 'なかむら'], ['小林', 'こばやし'], ['加藤', 'かとう'],
  ['吉田', 'よしだ'], ['山田', 'やまだ'], ['佐々木', 'ささき'], ['山口', 'やまぐち'], ['松本', 'まつもと'],
  ['井上', 'いのうえ'], ['木村', 'きむら'], ['林', 'はやし'], ['斎藤', 'さいとう'], ['清水', 'しみず'],
  ['山崎', 'やまざき'], ['森', 'もり'], ['池田', 'いけだ'], ['橋本', 'はしもと'], ['阿部', 'あべ'],
  ['石川', 'いしかわ'], ['前田', 'まえだ'], ['藤田', 'ふじた'], ['小川', 'おがわ'], ['岡田', 'おかだ'],
];
const GIVEN: [string, string][] = [
  ['太郎', 'たろう'], ['花子', 'はなこ'], ['翔太', 'しょうた'], ['美咲', 'みさき'], ['健一', 'けんいち'],
  ['由美', 'ゆみ'], ['大輔', 'だいすけ'], ['愛', 'あい'], ['誠', 'まこと'], ['陽子', 'ようこ'],
  ['拓也', 'たくや'], ['恵', 'めぐみ'], ['直樹', 'なおき'], ['真由美', 'まゆみ'], ['浩二', 'こうじ'],
  ['さくら', 'さくら'], ['蓮', 'れん'], ['結衣', 'ゆい'], ['悠真', 'ゆうま'], ['陽菜', 'ひな'],
  ['一郎', 'いちろう'], ['和子', 'かずこ'], ['隆', 'たかし'], ['明美', 'あけみ'], ['修', 'おさむ'],
];
const PLACES = [
  '東京都世田谷区桜新町', '東京都杉並区阿佐谷北', '大阪府大阪市北区梅田', '神奈川県横浜市港北区日吉',
  '愛知県名古屋市中区栄', '福岡県福岡市中央区天神', '北海道札幌市中央区大通西', '京都府京都市左京区下鴨',
  '埼玉県さいたま市浦和区高砂', '千葉県千葉市美浜区幸町', '兵庫県神戸市灘区六甲台町', '宮城県仙台市青葉区一番町',
  '広島県広島市中区紙屋町', '静岡県静岡市葵区追手町', '新潟県新潟市中央区古町通',
];

export interface DemoPerson {
  name: string;
  kana: string;
  birthDate: string;
  address: string;
}

/** mulberry32: small, fast and good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoPeople(count: number, seed = 20261124): DemoPerson[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const pad = (n: number) => String(n).padStart(2, '0');
  return Array.from({ length: count }, () => {
    const [fam, famKana] = pick(FAMILY);
    const [giv, givKana] = pick(GIVEN);
    const year = 1940 + Math.floor(rnd() * 66);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const block = `${1 + Math.floor(rnd() * 5)}丁目${1 + Math.floor(rnd() * 30)}番${1 + Math.floor(rnd() * 20)}号`;
    return {
      name: `${fam} ${giv}`,
      kana: `${famKana} ${givKana}`,
      birthDate: `${year}-${pad(month)}-${pad(day)}`,
      address: `${pick(PLACES)}${block}`,
    };
  });
}
