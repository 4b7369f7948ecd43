import { useLang } from '../i18n';
import { compactDay, compactTime, formatDay, fullTime } from './dates';

/** A timestamp in a list: compact, one line, the full time on hover (#13 item 9). */
export function Timestamp({ at }: { at: string }) {
  const lang = useLang();
  return (
    <time dateTime={at} title={fullTime(at, lang)} className="kaiji-nowrap">
      {compactTime(at, lang)}
    </time>
  );
}

/** A calendar day in a list: compact (R8.11.24), one line, the full era date on hover. */
export function Day({ iso }: { iso: string }) {
  const lang = useLang();
  return (
    <time dateTime={iso} title={formatDay(iso, lang)} className="kaiji-nowrap">
      {compactDay(iso, lang)}
    </time>
  );
}
