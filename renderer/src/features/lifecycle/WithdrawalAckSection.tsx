import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WITHDRAWAL_ACK_POLICIES, type WithdrawalAckPolicy } from '@shared/domain/obligations';
import { useSettingsSection } from '../settings/useSettingsSection';

/** #10 item 3: when a withdrawal is acknowledged in writing (the obligations rule reads it). */
export function WithdrawalAckSection() {
  const { t } = useTranslation();
  const { settings, save, saving } = useSettingsSection('withdrawalAck');
  const [policy, setPolicy] = useState<WithdrawalAckPolicy>('always');
  useEffect(() => {
    if (settings) setPolicy(settings.withdrawalAcknowledgement);
  }, [settings]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await save({ withdrawalAcknowledgement: policy });
  };
  return (
    <Paper withBorder radius="md" p="lg" data-testid="withdrawal-ack-section">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('lifecycle.ackPolicy')}</Title>
          <Text size="sm" c="dimmed">
            {t('lifecycle.ackPolicies.always')} / {t('lifecycle.ackPolicies.unless_letter')} / {t('lifecycle.ackPolicies.never')}
          </Text>
          <Group align="flex-end" gap="sm">
            <Select
              data-testid="withdrawal-ack-policy"
              label={t('lifecycle.ackPolicy')}
              value={policy}
              onChange={(v) => v && setPolicy(v as WithdrawalAckPolicy)}
              allowDeselect={false}
              data={WITHDRAWAL_ACK_POLICIES.map((p) => ({ value: p, label: t(`lifecycle.ackPolicies.${p}`) }))}
              w={280}
              disabled={!settings}
            />
            <Button type="submit" loading={saving} disabled={!settings} data-testid="withdrawal-ack-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
