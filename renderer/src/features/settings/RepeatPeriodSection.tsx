import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { contractSchema, contractValidate } from '../../ui/contractForm';
import { useSettingsSection } from './useSettingsSection';

// #13 item 11c: validated by the contract's own settings.update schema (1-120 whole months).
const schema = contractSchema('settings.update').pick({ repeatPeriodMonths: true }).required();

/**
 * R3: how far back the checklist looks for earlier requests of the same person
 * (settings.repeatPeriodMonths, calendar months back from the application date).
 */
export function RepeatPeriodSection() {
  const { t } = useTranslation();
  const { settings, save, saving } = useSettingsSection('repeat');
  const form = useForm<{ repeatPeriodMonths: number | string }>({ mode: 'controlled', initialValues: { repeatPeriodMonths: '' }, validate: contractValidate(schema) });

  useEffect(() => {
    if (settings) form.setValues({ repeatPeriodMonths: settings.repeatPeriodMonths });
    // Only when the stored settings arrive.
  }, [settings]);

  const submit = form.onSubmit(async ({ repeatPeriodMonths }) => {
    const result = await save({ repeatPeriodMonths: Number(repeatPeriodMonths) });
    if (result.ok) form.setValues({ repeatPeriodMonths: result.value.repeatPeriodMonths });
  });

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
              min={1}
              max={120}
              allowDecimal={false}
              allowNegative={false}
              suffix={t('repeatPeriod.suffix')}
              w={200}
              disabled={!settings}
              required
              {...form.getInputProps('repeatPeriodMonths')}
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
