import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WITHDRAWAL_ACK_POLICIES } from '@shared/domain/obligations';
import { useSettingsForm } from '../settings/useSettingsSection';

/** #10 item 3: when a withdrawal is acknowledged in writing (the obligations rule reads it). */
export function WithdrawalAckSection() {
  const { t } = useTranslation();
  const { form, settings, saving, onSubmit } = useSettingsForm('withdrawalAck', ['withdrawalAcknowledgement']);
  return (
    <Paper withBorder radius="md" p="lg" data-testid="withdrawal-ack-section">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('lifecycle.ackPolicy')}</Title>
          <Text size="sm" c="dimmed">
            {t('lifecycle.ackPolicies.always')} / {t('lifecycle.ackPolicies.unless_letter')} / {t('lifecycle.ackPolicies.never')}
          </Text>
          <Group align="flex-end" gap="sm">
            <Select
              data-testid="withdrawal-ack-policy"
              label={t('lifecycle.ackPolicy')}
              allowDeselect={false}
              data={WITHDRAWAL_ACK_POLICIES.map((p) => ({ value: p, label: t(`lifecycle.ackPolicies.${p}`) }))}
              w={280}
              disabled={!settings}
              {...form.getInputProps('withdrawalAcknowledgement')}
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
