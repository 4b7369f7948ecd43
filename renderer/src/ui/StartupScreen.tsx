import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
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
            <LangSwitch />
          </>
        ) : (
          <Loader aria-label={t('app.loading')} />
        )}
      </Stack>
    </Center>
  );
}
