import { NavLink, Stack } from '@mantine/core';
import { IconFolder, IconHistory, IconMailbox, IconSettings, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/roles';
import { hrefOf, navOrder, type RouteName } from './routes';

const icons = { cases: IconFolder, intake: IconMailbox, staff: IconUsers, audit: IconHistory, settings: IconSettings };

interface Props {
  role: Role;
  current: RouteName;
  onNavigate: () => void;
}

/** Only links the role may use are rendered at all. */
export function ShellNav({ role, current, onNavigate }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} component="nav" aria-label="Kaiji">
      {navOrder(role).map((route) => {
        const Icon = icons[route];
        return (
          <NavLink
            key={route}
            data-testid={`nav-${route}`}
            href={hrefOf(route)}
            label={t(`shell.nav.${route}`)}
            leftSection={<Icon size={20} stroke={1.6} />}
            active={current === route}
            aria-current={current === route ? 'page' : undefined}
            onClick={onNavigate}
            variant="light"
            style={{ borderRadius: 6 }}
          />
        );
      })}
    </Stack>
  );
}
