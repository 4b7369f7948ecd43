import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { useRetryCountdown } from './useRetryCountdown';

interface Props {
  countdown: ReturnType<typeof useRetryCountdown>;
  loading: boolean;
  testId: string;
  label: string;
  /** data-testid of the "wait N seconds" line, where tests look for it. */
  waitTestId?: string;
}

/** A full-width submit button, held back while the server asks to wait, with the countdown above it. */
export function RetrySubmit({ countdown, loading, testId, label, waitTestId }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {countdown.waiting && (
        <Text data-testid={waitTestId} size="sm" c="orange.8" aria-live="polite">
          {t('unlock.wait', { seconds: countdown.seconds })}
        </Text>
      )}
      <Button data-testid={testId} type="submit" loading={loading} disabled={countdown.waiting} fullWidth>
        {label}
      </Button>
    </>
  );
}
