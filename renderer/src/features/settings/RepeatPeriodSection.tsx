import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettingsForm } from './useSettingsSection';

/**
 * R3: how far back the checklist looks for earlier requests of the same person
 * (settings.repeatPeriodMonths, calendar months back from the application date; 1-120 by the contract).
 */
export function RepeatPeriodSection() {
  const { t } = useTranslation();
  const { form, settings, saving, onSubmit } = useSettingsForm('repeat', ['repeatPeriodMonths']);

  return (
    <Paper withBorder radius="md" p="lg" data-testid="repeat-period-section">
      <form onSubmit={onSubmit} noValidate>
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
              clampBehavior="none"
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
