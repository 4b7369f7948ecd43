import { Button, Group, NumberInput, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettingsForm } from '../settings/useSettingsSection';

/** Settings: how many days ahead the ledger warns of a lapsing order (F2); 1-180 by the contract. */
export function MoneyOrderSettingsSection() {
  const { t } = useTranslation();
  const { form, settings, saving, onSubmit } = useSettingsForm('moneyOrders', ['moneyOrderWarningDays']);

  return (
    <Paper withBorder radius="md" p="lg" data-testid="settings-money-orders">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('moneyOrders.settings.title')}</Title>
          <NumberInput
            data-testid="settings-money-order-days"
            label={t('moneyOrders.settings.warningDays')}
            description={t('moneyOrders.settings.warningDaysHint')}
            min={1}
            max={180}
            allowDecimal={false}
            clampBehavior="none"
            w={320}
            disabled={!settings}
            {...form.getInputProps('moneyOrderWarningDays')}
          />
          <Group>
            <Button type="submit" loading={saving} disabled={!settings} data-testid="settings-money-order-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
