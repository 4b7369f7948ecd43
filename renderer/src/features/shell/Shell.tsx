import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { SessionUser } from '@shared/contract';
import { kaiji } from '../../api';
import { useCall } from '../../ui/useCall';
import { useVault } from '../../ui/vault';
import { AuditPage } from '../audit/AuditPage';
import { CaseFilePage } from '../cases/file/CaseFilePage';
import { CasesPage } from '../cases/CasesPage';
import { ContactsPage } from '../contacts/ContactsPage';
import { TodayPage } from '../today/TodayPage';
import { IntakePage } from '../intake/IntakePage';
import { MoneyOrdersPage } from '../ledger/MoneyOrdersPage';
import { MailPage } from '../mail/MailPage';
import { LettersPage } from '../letters/LettersPage';
import { ProvisionsPage } from '../provisions/ProvisionsPage';
import { ReportsPage } from '../reports/ReportsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { StaffPage } from '../staff/StaffPage';
import { RecordsPage } from '../records/RecordsPage';
import { TrashPage } from '../trash/TrashPage';
import { ForcedPassphraseChange } from './ForcedPassphraseChange';
import { Forbidden } from './Forbidden';
import { canOpen, type RouteName } from './routes';
import { ShellHeader } from './ShellHeader';
import { ShellNav } from './ShellNav';
import { claimRoute } from './signInRoute';
import { useHashRoute } from './useHashRoute';

const pages: Record<RouteName, () => React.JSX.Element> = {
  today: TodayPage,
  cases: CasesPage,
  intake: IntakePage,
  staff: StaffPage,
  audit: AuditPage,
  settings: SettingsPage,
  moneyOrders: MoneyOrdersPage,
  mail: MailPage,
  letters: LettersPage,
  contacts: ContactsPage,
  records: RecordsPage,
  trash: TrashPage,
  provisions: ProvisionsPage,
  reports: ReportsPage,
};

/** The signed-in frame: header, role-filtered navigation and the current page. */
export function Shell({ user }: { user: SessionUser }) {
  const { status, refresh } = useVault();
  // Before the hash is read: each person starts on their own home (#13 item 8). The shell is
  // keyed by user id, so this runs once per sign-in.
  useState(() => claimRoute(user));
  const { route, caseId } = useHashRoute();
  const [navOpened, nav] = useDisclosure(false);
  const { run, loading } = useCall();

  const lock = async () => {
    await run(() => kaiji.vault.lock({}));
    await refresh();
  };

  const Page = pages[route];
  if (user.mustChangePassphrase) {
    return <ForcedPassphraseChange user={user} onChanged={() => void refresh()} onLock={() => void lock()} />;
  }
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <ShellHeader
          user={user}
          companyName={status.companyName}
          navOpened={navOpened}
          onToggleNav={nav.toggle}
          onLock={() => void lock()}
          locking={loading}
        />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <ShellNav role={user.role} current={route} onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        {!canOpen(route, user.role) ? (
          <Forbidden role={user.role} />
        ) : route === 'cases' && caseId ? (
          <CaseFilePage key={`case:${caseId}`} id={caseId} />
        ) : (
          <Page key={route} />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
