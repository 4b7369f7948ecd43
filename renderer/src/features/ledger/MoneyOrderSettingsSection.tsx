import { Button, Group, NumberInput, Paper, Stack, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsSection, wholeIn } from '../settings/useSettingsSection';

/** Settings: how many days ahead the ledger warns of a lapsing order (F2). */
export function MoneyOrderSettingsSection() {
  const { t } = useTranslation();
  const { settings: data, save, saving } = useSettingsSection('moneyOrders');
  const [days, setDays] = useState<string | number>('');
  useEffect(() => {
    if (data) setDays(data.moneyOrderWarningDays);
  }, [data]);
  const n = wholeIn(days, 1, 180);
  const valid = n !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (n !== null) await save({ moneyOrderWarningDays: n });
  };

  return (
    <Paper withBorder radius="md" p="lg" data-testid="settings-money-orders">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('moneyOrders.settings.title')}</Title>
          <NumberInput
            data-testid="settings-money-order-days"
            label={t('moneyOrders.settings.warningDays')}
            description={t('moneyOrders.settings.warningDaysHint')}
            value={days}
            onChange={setDays}
            min={1}
            max={180}
            allowDecimal={false}
            w={320}
            error={days !== '' && !valid ? t('moneyOrders.settings.warningDaysHint') : undefined}
          />
          <Group>
            <Button type="submit" loading={saving} disabled={!data} data-testid="settings-money-order-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
