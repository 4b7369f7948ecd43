import { Burger, Button, Divider, Group, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@shared/contract';
import { BrandMark } from '../../ui/BrandMark';
import { LangSwitch } from '../../ui/LangSwitch';
import { UserMenu } from './UserMenu';

interface Props {
  user: SessionUser;
  companyName?: string;
  navOpened: boolean;
  onToggleNav: () => void;
  onLock: () => void;
  locking: boolean;
}

export function ShellHeader({ user, companyName, navOpened, onToggleNav, onLock, locking }: Props) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: 1 }}>
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('shell.toggleNav')}
        />
        <BrandMark />
        {companyName && (
          <>
            <Divider orientation="vertical" visibleFrom="md" />
            <Text data-testid="company-name" size="sm" c="dimmed" truncate visibleFrom="md">
              {companyName}
            </Text>
          </>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        <LangSwitch />
        <UserMenu user={user} />
        <Button
          data-testid="lock-button"
          variant="light"
          color="gray"
          size="xs"
          leftSection={<IconLock size={16} stroke={1.6} />}
          aria-label={t('shell.lockLabel')}
          onClick={onLock}
          loading={locking}
        >
          {t('shell.lock')}
        </Button>
      </Group>
    </Group>
  );
}
