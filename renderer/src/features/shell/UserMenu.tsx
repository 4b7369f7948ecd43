import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@shared/contract';
import { RoleBadge } from '../../ui/RoleBadge';
import { ChangePassphraseModal } from './ChangePassphraseModal';

export function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <Menu position="bottom-end" width={220} shadow="md">
        <Menu.Target>
          <UnstyledButton
            data-testid="user-menu"
            aria-label={t('shell.menu')}
            className="kaiji-user-button"
          >
            <Group gap={8} wrap="nowrap">
              <Avatar size={30} radius="xl" color="indigo" name={user.displayName} />
              <Text data-testid="current-user" size="sm" fw={500} truncate maw={160}>
                {user.displayName}
              </Text>
              <Box visibleFrom="sm">
                <RoleBadge role={user.role} size="xs" />
              </Box>
              <IconChevronDown size={14} stroke={1.6} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{user.login}</Menu.Label>
          <Menu.Item
            data-testid="menu-change-passphrase"
            leftSection={<IconKey size={16} stroke={1.6} />}
            onClick={() => setChanging(true)}
          >
            {t('shell.changePassphrase')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePassphraseModal opened={changing} onClose={() => setChanging(false)} />
    </>
  );
}
