import { createContext, useContext } from 'react';
import type { VaultStatus } from '@shared/contract';

export interface VaultContextValue {
  status: VaultStatus;
  /** Re-reads `vault.status`; the app then shows setup, unlock or the shell. */
  refresh: () => Promise<void>;
}

export const VaultContext = createContext<VaultContextValue | null>(null);

export function useVault(): VaultContextValue {
  const value = useContext(VaultContext);
  if (!value) throw new Error('useVault outside VaultContext');
  return value;
}
