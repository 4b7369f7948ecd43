import { Button, Group, NumberInput, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayCount } from '@shared/domain/deadlines';
import { useSettingsSection, wholeIn } from '../settings/useSettingsSection';

/** I5: the company's response target in days and whether weekends and public holidays count. */
export function DeadlineSettingsSection() {
  const { t } = useTranslation();
  const { settings, save, saving } = useSettingsSection('deadlines');
  const [days, setDays] = useState<string | number>('');
  const [count, setCount] = useState<DayCount>('calendar');
  const [error, setError] = useState<string | undefined>();
  const [wait, setWait] = useState<string | number>('');
  const [waitError, setWaitError] = useState<string | undefined>();

  useEffect(() => {
    if (!settings) return;
    setDays(settings.responseTargetDays);
    setCount(settings.responseDayCount);
    setWait(settings.deficientWaitDays);
  }, [settings]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = wholeIn(days, 1, 365);
    if (n === null) {
      setError(t('deadlineSettings.invalid'));
      return;
    }
    const w = wholeIn(wait, 1, 365);
    if (w === null) {
      setWaitError(t('deadlineSettings.invalid'));
      return;
    }
    const result = await save({ responseTargetDays: n, responseDayCount: count, deficientWaitDays: w });
    if (result.ok) {
      setDays(result.value.responseTargetDays);
      setCount(result.value.responseDayCount);
      setWait(result.value.deficientWaitDays);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" data-testid="deadline-settings">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('deadlineSettings.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('deadlineSettings.description')}
          </Text>
          <NumberInput
            data-testid="deadline-days"
            label={t('deadlineSettings.days')}
            value={days}
            onChange={(v) => {
              setDays(v);
              setError(undefined);
            }}
            error={error}
            min={1}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            w={200}
            disabled={!settings}
            required
          />
          <Radio.Group label={t('deadlineSettings.count')} value={count} onChange={(v) => setCount(v as DayCount)} data-testid="deadline-count">
            <Stack gap={6} mt={6}>
              <Radio value="calendar" label={t('deadlineSettings.calendar')} disabled={!settings} data-testid="deadline-count-calendar" />
              <Radio value="business" label={t('deadlineSettings.business')} disabled={!settings} data-testid="deadline-count-business" />
            </Stack>
          </Radio.Group>
          <Text size="xs" c="dimmed">
            {t('deadlineSettings.holidays')}
          </Text>
          <NumberInput
            data-testid="deadline-deficient-wait"
            label={t('deadlineSettings.deficientWait')}
            description={t('deadlineSettings.deficientWaitHint')}
            value={wait}
            onChange={(v) => {
              setWait(v);
              setWaitError(undefined);
            }}
            error={waitError}
            min={1}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            w={320}
            disabled={!settings}
            required
          />
          <Group>
            <Button type="submit" loading={saving} disabled={!settings} data-testid="deadline-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
