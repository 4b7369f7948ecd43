import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { OfficeConnectLink } from '../features/office/OfficeConnectLink';
import { OfficeConnectScreen } from '../features/office/OfficeConnectScreen';
import { useTranslation } from 'react-i18next';
import type { KaijiErrorInfo } from '@shared/result';
import { useLang } from '../i18n';
import { BrandMark } from './BrandMark';
import { errorText } from './errors';
import { LangSwitch } from './LangSwitch';

interface Props {
  failure: KaijiErrorInfo | null;
  onRetry: () => void;
}

/** Before the first status arrives: a spinner, or why the vault cannot be opened. */
export function StartupScreen({ failure, onRetry }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  // #16 item 1: an office database that cannot be reached (or a wrong office.json) is fixed here.
  const [connecting, setConnecting] = useState(false);
  if (failure && connecting) {
    return (
      <OfficeConnectScreen
        onSwitched={() => {
          setConnecting(false);
          onRetry();
        }}
        onBack={() => setConnecting(false)}
      />
    );
  }
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Stack align="center" gap="lg" maw={520}>
        <BrandMark size="lg" />
        {failure ? (
          <>
            <Alert data-testid="startup-error" color="red" variant="light" title={t('app.unreachable')} role="alert">
              {errorText(failure, lang)}
            </Alert>
            <Button onClick={onRetry}>{t('app.retry')}</Button>
            <OfficeConnectLink onOpen={() => setConnecting(true)} />
            <LangSwitch />
          </>
        ) : (
          <Loader aria-label={t('app.loading')} />
        )}
      </Stack>
    </Center>
  );
}
