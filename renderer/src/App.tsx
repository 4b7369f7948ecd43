import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { VaultStatus } from '@shared/contract';
import type { KaijiErrorInfo } from '@shared/result';
import { kaiji } from './api';
import { RecoveryScreen } from './features/setup/RecoveryScreen';
import { SetupScreen } from './features/setup/SetupScreen';
import { Shell } from './features/shell/Shell';
import { UnlockScreen } from './features/unlock/UnlockScreen';
import { StartupScreen } from './ui/StartupScreen';
import { useActivityTouch } from './ui/useActivityTouch';
import { VaultContext } from './ui/vault';
import { queryClient } from './ui/server-state';

const POLL_MS = 15_000;

interface IssuedKey {
  recoveryKey: string;
  companyName: string;
}

/** Follows `vault.status`: setup, unlock or the app. The server decides; we only show it. */
export function App() {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [failure, setFailure] = useState<KaijiErrorInfo | null>(null);
  // The recovery key page must survive the status change that setup itself causes.
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    const result = await kaiji.vault.status({});
    if (ticket !== latest.current) return;
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setFailure(null);
    // Keep the same object when nothing changed, so polling does not re-render the app.
    setStatus((prev) => (prev && JSON.stringify(prev) === JSON.stringify(result.value) ? prev : result.value));
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  useActivityTouch(status?.state === 'unlocked', refresh);

  // Locked (also by idle time on the server): no cached server state outlives the session.
  const unlocked = status?.state === 'unlocked';
  useEffect(() => {
    if (!unlocked) queryClient.clear();
  }, [unlocked]);

  const context = useMemo(() => (status ? { status, refresh } : null), [status, refresh]);

  if (!context) return <StartupScreen failure={failure} onRetry={() => void refresh()} />;

  return (
    <VaultContext.Provider value={context}>
      {issued ? (
        <RecoveryScreen
          recoveryKey={issued.recoveryKey}
          companyName={issued.companyName}
          onContinue={() => {
            setIssued(null);
            void refresh();
          }}
        />
      ) : context.status.state === 'uninitialized' ? (
        <SetupScreen
          onDone={(result, companyName) => {
            setIssued({ recoveryKey: result.recoveryKey, companyName });
            void refresh();
          }}
        />
      ) : context.status.state === 'unlocked' && context.status.user ? (
        <Shell key={context.status.user.id} user={context.status.user} />
      ) : (
        <UnlockScreen />
      )}
    </VaultContext.Provider>
  );
}
