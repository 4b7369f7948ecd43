import { Button, Group, NumberInput, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';

/** Settings: how many days ahead the ledger warns of a lapsing order (F2). */
export function MoneyOrderSettingsSection() {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const { data } = useLoad(() => kaiji.settings.get({}), 'settings#moneyOrders');
  const [days, setDays] = useState<string | number>('');
  useEffect(() => {
    if (data) setDays(data.moneyOrderWarningDays);
  }, [data]);
  const n = typeof days === 'number' ? days : Number(days);
  const valid = days !== '' && Number.isInteger(n) && n >= 1 && n <= 180;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    const result = await run(() => kaiji.settings.update({ moneyOrderWarningDays: n }));
    if (result.ok) notifications.show({ color: 'teal', message: t('common.saved') });
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
            <Button type="submit" loading={loading} disabled={!data} data-testid="settings-money-order-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
