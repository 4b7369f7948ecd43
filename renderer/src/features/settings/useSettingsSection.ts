import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '@shared/contract';
import { kaiji } from '../../api';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';

/** A NumberInput's value as a whole number within [min, max], or null (empty, partial, out of range). */
export function wholeIn(value: string | number, min: number, max: number): number | null {
  const n = typeof value === 'number' ? value : Number(value);
  return value !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/**
 * One section of the Settings page: loads the settings and saves only the keys the section
 * owns (a stale copy of other keys must never overwrite another section's change).
 */
export function useSettingsSection(key: string) {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const { data } = useLoad(() => kaiji.settings.get({}), `settings#${key}`);
  // #16 item 3: the versions the section's values were first shown at, then what its own saves made.
  const base = useRef<Record<string, number> | null>(null);
  if (data && !base.current) base.current = data.versions ?? {};
  const save = async (patch: ChannelInput<'settings.update'>) => {
    const versions = Object.fromEntries(Object.keys(patch).map((k) => [k, base.current?.[k] ?? data?.versions?.[k] ?? 0]));
    const result = await run(() => kaiji.settings.update({ ...patch, versions }));
    if (result.ok) {
      base.current = result.value.versions ?? {};
      notifications.show({ color: 'teal', message: t('common.saved') });
    } else if (result.error.code === 'CONFLICT') base.current = null; // useCall showed the message; the reload is the new base
    return result;
  };
  return { settings: data, save, saving: loading };
}
