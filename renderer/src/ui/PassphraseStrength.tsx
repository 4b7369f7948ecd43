import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { passphraseStrength } from './validation';

const look = {
  short: { value: 10, color: 'red' },
  weak: { value: 35, color: 'orange' },
  fair: { value: 65, color: 'yellow' },
  strong: { value: 100, color: 'teal' },
} as const;

/** A small bar under a new-passphrase field. */
export function PassphraseStrength({ value }: { value: string }) {
  const { t } = useTranslation();
  if (!value) return null;
  const strength = passphraseStrength(value);
  return (
    <Group gap="xs" wrap="nowrap" aria-live="polite">
      <Progress
        value={look[strength].value}
        color={look[strength].color}
        size="sm"
        flex={1}
        aria-label={t('passphrase.strength.label')}
      />
      <Text size="xs" c="dimmed" miw={72} ta="right">
        {t('passphrase.strength.label')}: {t(`passphrase.strength.${strength}`)}
      </Text>
    </Group>
  );
}
