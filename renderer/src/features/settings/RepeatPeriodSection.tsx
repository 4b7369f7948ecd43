import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';

/**
 * R3: how far back the checklist looks for earlier requests of the same person
 * (settings.repeatPeriodMonths, calendar months back from the application date).
 */
export function RepeatPeriodSection() {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const settings = useLoad(() => kaiji.settings.get({}), 'settings#repeat');
  const [months, setMonths] = useState<string | number>('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (settings.data) setMonths(settings.data.repeatPeriodMonths);
  }, [settings.data]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = typeof months === 'number' ? months : Number(months);
    if (months === '' || !Number.isInteger(n) || n < 1 || n > 120) {
      setError(t('repeatPeriod.invalid'));
      return;
    }
    const result = await run(() => kaiji.settings.update({ repeatPeriodMonths: n }));
    if (result.ok) {
      setMonths(result.value.repeatPeriodMonths);
      notifications.show({ color: 'teal', message: t('common.saved') });
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" data-testid="repeat-period-section">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('repeatPeriod.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('repeatPeriod.description')}
          </Text>
          <Group align="flex-end" gap="sm">
            <NumberInput
              data-testid="repeat-period-months"
              label={t('repeatPeriod.label')}
              value={months}
              onChange={(v) => {
                setMonths(v);
                setError(undefined);
              }}
              error={error}
              min={1}
              max={120}
              allowDecimal={false}
              allowNegative={false}
              suffix={t('repeatPeriod.suffix')}
              w={200}
              disabled={!settings.data}
              required
            />
            <Button type="submit" loading={loading} disabled={!settings.data} data-testid="repeat-period-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
