import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ChannelInput, Settings } from '@shared/contract';
import { kaiji } from '../../api';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';

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

type Patch = ChannelInput<'settings.update'>;
export type SettingsKey = keyof Patch & keyof Settings;
/** What a field holds while typed: a NumberInput emptied holds '' (the schema then says "required"). */
export type SettingsValues<K extends SettingsKey> = { [P in K]: Settings[P] | '' };

const valuesOf = <K extends SettingsKey>(settings: Settings, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, settings[k] ?? ''])) as SettingsValues<K>;

/**
 * A Settings section as a form (#13 item 11c): @mantine/form validated by the `settings.update`
 * schema itself, narrowed to the section's keys (all required), so a value the dispatcher would
 * refuse is named at its field and nothing is sent. What is sent is the schema's own output
 * (trimmed, NFC), exactly what the server then checks again; only these keys, never a stale
 * copy of another section's.
 */
export function useSettingsForm<K extends SettingsKey>(section: string, keys: readonly K[], onSaved?: (saved: Settings) => void) {
  const { settings, save, saving } = useSettingsSection(section);
  const [schema] = useState(() =>
    // The keys vary per section: typed loosely here, the parsed output is the patch's own shape.
    (contractSchema('settings.update') as unknown as z.ZodObject<z.ZodRawShape>).pick(Object.fromEntries(keys.map((k) => [k, true]))).required(),
  );
  const { form, submit } = useContractForm({ schema, initialValues: Object.fromEntries(keys.map((k) => [k, ''])) as SettingsValues<K> });
  // Fields open for typing only once the stored values are in them (a value typed in between
  // would be overwritten by their arrival).
  const [filled, setFilled] = useState(false);
  useEffect(() => {
    if (!settings) return;
    // Any change elsewhere refetches the settings: what is being typed here stays.
    if (filled && form.isDirty()) return;
    const values = valuesOf(settings, keys);
    form.setValues(values);
    form.resetDirty(values);
    setFilled(true);
    // Only when the stored settings arrive, not on every keystroke.
  }, [settings]);

  const onSubmit = submit(async (patch) => {
    const result = await save(patch as Patch);
    if (result.ok) {
      const values = valuesOf(result.value, keys);
      form.setValues(values);
      form.resetDirty(values);
      onSaved?.(result.value);
    }
  });
  return { form, settings: filled ? settings : undefined, saving, onSubmit };
}
