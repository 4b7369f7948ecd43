import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { eraDate, isoDay } from '../../ui/dates';

interface Props {
  recoveryKey: string;
  companyName: string;
}

/**
 * The paper copy of the recovery key. It lives directly under <body> so the print
 * CSS can hide everything else, wherever on screen the key is shown.
 */
export function PrintSheet({ recoveryKey, companyName }: Props) {
  const { t } = useTranslation();
  const today = new Date();
  return createPortal(
    <div className="kaiji-print-root" aria-hidden>
      <h1>{t('recovery.sheetTitle')}</h1>
      <table>
        <tbody>
          <tr>
            <th>{t('recovery.sheetCompany')}</th>
            <td>{companyName}</td>
          </tr>
          <tr>
            <th>{t('recovery.sheetIssued')}</th>
            <td>
              {eraDate(today)}（{isoDay(today)}）
            </td>
          </tr>
        </tbody>
      </table>
      <div className="kaiji-print-key">{recoveryKey}</div>
      <p className="kaiji-print-warning">
        {t('recovery.warning', { lng: 'ja' })}
        <br />
        {t('recovery.warning', { lng: 'en' })}
      </p>
      <p>{t('recovery.sheetNote')}</p>
      <table className="kaiji-print-lines">
        <tbody>
          <tr>
            <th>{t('recovery.sheetKeep')}</th>
            <td />
          </tr>
          <tr>
            <th>{t('recovery.sheetSigned')}</th>
            <td />
          </tr>
        </tbody>
      </table>
    </div>,
    document.body,
  );
}
