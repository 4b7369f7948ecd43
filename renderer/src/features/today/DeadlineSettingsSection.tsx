import { Button, Group, NumberInput, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayCount } from '@shared/domain/deadlines';
import { kaiji } from '../../api';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';

/** I5: the company's response target in days and whether weekends and public holidays count. */
export function DeadlineSettingsSection() {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const settings = useLoad(() => kaiji.settings.get({}), 'settings#deadlines');
  const [days, setDays] = useState<string | number>('');
  const [count, setCount] = useState<DayCount>('calendar');
  const [error, setError] = useState<string | undefined>();
  const [wait, setWait] = useState<string | number>('');
  const [waitError, setWaitError] = useState<string | undefined>();

  useEffect(() => {
    if (!settings.data) return;
    setDays(settings.data.responseTargetDays);
    setCount(settings.data.responseDayCount);
    setWait(settings.data.deficientWaitDays);
  }, [settings.data]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = typeof days === 'number' ? days : Number(days);
    if (days === '' || !Number.isInteger(n) || n < 1 || n > 365) {
      setError(t('deadlineSettings.invalid'));
      return;
    }
    const w = typeof wait === 'number' ? wait : Number(wait);
    if (wait === '' || !Number.isInteger(w) || w < 1 || w > 365) {
      setWaitError(t('deadlineSettings.invalid'));
      return;
    }
    const result = await run(() => kaiji.settings.update({ responseTargetDays: n, responseDayCount: count, deficientWaitDays: w }));
    if (result.ok) {
      setDays(result.value.responseTargetDays);
      setCount(result.value.responseDayCount);
      setWait(result.value.deficientWaitDays);
      notifications.show({ color: 'teal', message: t('common.saved') });
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
            disabled={!settings.data}
            required
          />
          <Radio.Group label={t('deadlineSettings.count')} value={count} onChange={(v) => setCount(v as DayCount)} data-testid="deadline-count">
            <Stack gap={6} mt={6}>
              <Radio value="calendar" label={t('deadlineSettings.calendar')} disabled={!settings.data} data-testid="deadline-count-calendar" />
              <Radio value="business" label={t('deadlineSettings.business')} disabled={!settings.data} data-testid="deadline-count-business" />
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
            disabled={!settings.data}
            required
          />
          <Group>
            <Button type="submit" loading={loading} disabled={!settings.data} data-testid="deadline-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
