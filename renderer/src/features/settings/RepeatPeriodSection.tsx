import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsSection, wholeIn } from './useSettingsSection';

/**
 * R3: how far back the checklist looks for earlier requests of the same person
 * (settings.repeatPeriodMonths, calendar months back from the application date).
 */
export function RepeatPeriodSection() {
  const { t } = useTranslation();
  const { settings, save, saving } = useSettingsSection('repeat');
  const [months, setMonths] = useState<string | number>('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (settings) setMonths(settings.repeatPeriodMonths);
  }, [settings]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = wholeIn(months, 1, 120);
    if (n === null) {
      setError(t('repeatPeriod.invalid'));
      return;
    }
    const result = await save({ repeatPeriodMonths: n });
    if (result.ok) setMonths(result.value.repeatPeriodMonths);
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
              disabled={!settings}
              required
            />
            <Button type="submit" loading={saving} disabled={!settings} data-testid="repeat-period-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
