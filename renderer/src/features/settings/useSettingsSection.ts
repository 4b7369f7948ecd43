import { notifications } from '@mantine/notifications';
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
  const save = async (patch: ChannelInput<'settings.update'>) => {
    const result = await run(() => kaiji.settings.update(patch));
    if (result.ok) notifications.show({ color: 'teal', message: t('common.saved') });
    return result;
  };
  return { settings: data, save, saving: loading };
}
