import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
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
import { CommandPalette } from './CommandPalette';
import { useKaijiLocation } from './location';
import { HOME_ROUTE, canOpen, parseRoute, routeNames, type RouteName } from './routes';
import { ShortcutSheet } from './ShortcutSheet';
import { ShellHeader } from './ShellHeader';
import { ShellNav } from './ShellNav';
import { claimRoute } from './signInRoute';

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
  // Before the hash is read: each person starts on their own home (#13 item 8). The shell is
  // keyed by user id, so this runs once per sign-in.
  useState(() => claimRoute(user));
  return (
    <Router hook={useKaijiLocation}>
      <ShellFrame user={user} />
    </Router>
  );
}

/** A case id from the path; ids are opaque and URL-encoded by caseHref. */
function decodeId(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function ShellFrame({ user }: { user: SessionUser }) {
  const { status, refresh } = useVault();
  const [path] = useLocation();
  // The navigation highlights the page's section, also inside it (#/cases/<id> is under cases).
  const route = parseRoute(`#${path}`) ?? HOME_ROUTE;
  const [navOpened, nav] = useDisclosure(false);
  const { run, loading } = useCall();

  const lock = async () => {
    await run(() => kaiji.vault.lock({}));
    await refresh();
  };

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
        <Switch>
          <Route path="/cases/:id">
            {({ id }) => {
              const caseId = decodeId(id);
              if (!canOpen('cases', user.role)) return <Forbidden role={user.role} />;
              return caseId ? <CaseFilePage key={`case:${caseId}`} id={caseId} /> : <Redirect to="/cases" replace />;
            }}
          </Route>
          {routeNames.map((name) => {
            const Page = pages[name];
            // `/contacts/<id>` and the like stay on their page, which reads the rest itself.
            return (
              <Route key={name} path={`/${name}/*?`}>
                {canOpen(name, user.role) ? <Page key={name} /> : <Forbidden role={user.role} />}
              </Route>
            );
          })}
          <Route>
            <Redirect to={`/${HOME_ROUTE}`} replace />
          </Route>
        </Switch>
      </AppShell.Main>
      <CommandPalette user={user} />
      <ShortcutSheet />
    </AppShell>
  );
}
