import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostcodeAddress } from '@shared/domain/postcode';

/** The towns one postcode covers, as buttons (keyboard: Tab, Enter). */
export function PostcodeChoices({ choices, unknown, onChoose }: { choices: PostcodeAddress[]; unknown: boolean; onChoose: (a: PostcodeAddress) => void }) {
  const { t } = useTranslation();
  if (unknown) {
    return (
      <Text size="xs" c="orange" data-testid="postcode-unknown">
        {t('reading.postcode.unknown')}
      </Text>
    );
  }
  if (choices.length === 0) return null;
  return (
    <Group gap={4} data-testid="postcode-choices">
      <Text size="xs" c="dimmed">
        {t('reading.postcode.choose')}
      </Text>
      {choices.slice(0, 12).map((a) => (
        <Button key={a.address} size="compact-xs" variant="light" onClick={() => onChoose(a)}>
          {a.town || a.city}
        </Button>
      ))}
    </Group>
  );
}
