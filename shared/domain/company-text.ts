/**
 * Company settings as printed on the application form and letters (#13 item 9). Settings may
 * span lines (a desk, then a phone number): drawn as typed, a newline inside one drawn line
 * overprinted the form's subtitle, and 殿 landed after the phone number. Pure, for the form
 * renderer, the letter renderer and tests.
 */

/** The non-empty lines of a setting, spaces folded. */
export function settingLines(text: string): string[] {
  return text
    .split(/\r\n?|\n/)
    .map((l) => l.replace(/[ \t\u3000]+/gu, (s) => (s.includes('\u3000') ? '\u3000' : ' ')).trim())
    .filter((l) => l !== '');
}

/** A setting on one line (lines joined by an ideographic space), for sentences and one-line slots. */
export const oneLine = (text: string): string => settingLines(text).join('\u3000');

/** A phone, fax or e-mail contact: it belongs after the addressee, never before 殿 or 宛. */
const REACH = /(電話|TEL|Tel|tel|FAX|Fax|fax|☎|メール|E-?mail|e-?mail|@|0\d{1,4}[-－‐ー(（]\d{1,4}[-－‐ー)）]\d{3,4}|0\d{9,10})/u;

/**
 * The contact point split into the desk (who the mail is addressed to: 個人情報保護管理者 窓口)
 * and the ways to reach it (電話 03-…), taken from whole lines or from brackets inside a line.
 */
export function splitContactPoint(text: string): { desk: string; reach: string[] } {
  const desk: string[] = [];
  const reach: string[] = [];
  for (const l of settingLines(text)) {
    const rest = l
      .replace(/[（(]([^（()）]*)[)）]/gu, (whole, inner: string) => {
        if (!REACH.test(inner)) return whole;
        reach.push(inner.trim());
        return ' ';
      })
      .trim();
    if (rest === '') continue;
    if (REACH.test(rest)) reach.push(rest);
    else desk.push(rest);
  }
  return { desk: desk.join('\u3000'), reach };
}
