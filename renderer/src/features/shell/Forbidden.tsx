import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/roles';
import { hrefOf } from './routes';

/** Shown instead of a page the role may not use; the page's channel is never called. */
export function Forbidden({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Center data-testid="forbidden" py={80}>
      <Stack align="center" gap="sm" maw={460} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          <IconShieldLock size={30} stroke={1.5} />
        </ThemeIcon>
        <Title order={3}>{t('forbidden.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('forbidden.body', { role: t(`roles.${role}`) })}
        </Text>
        <Button component="a" href={hrefOf('cases')} variant="light" mt="sm">
          {t('forbidden.back')}
        </Button>
      </Stack>
    </Center>
  );
}
