import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../ui/AuthLayout';
import { RecoverySheet } from './RecoverySheet';

interface Props {
  recoveryKey: string;
  companyName: string;
  onContinue: () => void;
}

/** The full-page recovery key step right after first-run setup. */
export function RecoveryScreen({ recoveryKey, companyName, onContinue }: Props) {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('recovery.title')} width={640}>
      <RecoverySheet
        recoveryKey={recoveryKey}
        companyName={companyName}
        continueLabel={t('recovery.continue')}
        onContinue={onContinue}
      />
    </AuthLayout>
  );
}
