import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { ChangePassphraseFields } from '../../ui/NewPassphraseFields';
import { usePassphraseChange } from '../../ui/usePassphraseChange';

interface Props {
  opened: boolean;
  onClose: () => void;
}

export function ChangePassphraseModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const change = usePassphraseChange(() => {
    notifications.show({ color: 'teal', message: t('changePass.done') });
    close();
  });

  function close() {
    change.reset();
    onClose();
  }

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('changePass.title')}
      onSubmit={change.submit}
      loading={change.loading}
      submitTestId="pass-submit"
      submitLabel={t('changePass.submit')}
    >
      <ChangePassphraseFields change={change} currentLabel={t('changePass.current')} />
    </FormModal>
  );
}
