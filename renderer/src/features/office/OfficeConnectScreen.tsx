import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../ui/AuthLayout';
import { OfficeConnectForm } from './OfficeConnectForm';

/** #16 item 1: "Connect to the office database", reached from the setup, unlock and start screens. */
export function OfficeConnectScreen({ onSwitched, onBack }: { onSwitched: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('officeDesk.title')} intro={t('officeDesk.intro')} width={600}>
      <OfficeConnectForm onSwitched={onSwitched} onBack={onBack} />
    </AuthLayout>
  );
}
