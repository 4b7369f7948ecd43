import { useLang } from '../i18n';
import { compactTime, fullTime } from './dates';

/** A timestamp in a list: compact, one line, the full time on hover (#13 item 9). */
export function Timestamp({ at }: { at: string }) {
  const lang = useLang();
  return (
    <time dateTime={at} title={fullTime(at, lang)} className="kaiji-nowrap">
      {compactTime(at, lang)}
    </time>
  );
}
