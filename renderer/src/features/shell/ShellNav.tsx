import { NavLink, Stack } from '@mantine/core';
import { IconArchive, IconChartBar, IconShare, IconPhoneCall, IconCalendarDue, IconFileText, IconFolder, IconHistory, IconMail, IconMailbox, IconReceipt, IconSettings, IconTrash, IconUsers } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/roles';
import { hrefOf, navOrder, type RouteName } from './routes';

const icons = { today: IconCalendarDue, cases: IconFolder, intake: IconMailbox, staff: IconUsers, audit: IconHistory, settings: IconSettings, moneyOrders: IconReceipt, mail: IconMail, letters: IconFileText, contacts: IconPhoneCall, provisions: IconShare, reports: IconChartBar, records: IconArchive, trash: IconTrash };
/** Routes whose label lives in their capability's i18n section rather than shell.nav. */
const labelKeys = { today: 'today.title', moneyOrders: 'moneyOrders.nav', mail: 'mailLog.nav', letters: 'letters.nav', contacts: 'contacts.nav', provisions: 'provisions.nav', reports: 'reports.nav', records: 'records.nav', trash: 'trash.nav' } as const;

/** A page's name as the navigation shows it (also used by the command palette). */
export function routeLabel(route: RouteName, t: TFunction): string {
  return route in labelKeys ? t(labelKeys[route as keyof typeof labelKeys]) : t(`shell.nav.${route as Exclude<RouteName, keyof typeof labelKeys>}`);
}

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
            label={routeLabel(route, t)}
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
