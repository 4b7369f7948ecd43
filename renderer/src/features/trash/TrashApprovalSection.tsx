import { Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettingsForm } from '../settings/useSettingsSection';

/**
 * Settings of #13 items 2b and 3: the second administrator's approval (決裁) and the trash period,
 * validated by the contract's own settings.update schema (#13 item 11c).
 */
export function TrashApprovalSection() {
  const { t } = useTranslation();
  const { form, settings, saving, onSubmit } = useSettingsForm('trash-approval', ['trashDays', 'approvalRequired']);

  return (
    <Paper withBorder radius="md" p="lg" data-testid="trash-approval-section">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('trash.settingsTitle')}</Title>
          <Switch
            label={t('trash.approvalRequired')}
            description={t('trash.approvalRequiredHint')}
            data-testid="settings-approval-required"
            disabled={!settings}
            {...form.getInputProps('approvalRequired', { type: 'checkbox' })}
          />
          <Group align="flex-end" gap="sm">
            <NumberInput
              label={t('trash.trashDays')}
              description={t('trash.trashDaysHint')}
              min={1}
              max={365}
              allowDecimal={false}
              clampBehavior="none"
              allowNegative={false}
              w={260}
              disabled={!settings}
              data-testid="settings-trash-days"
              {...form.getInputProps('trashDays')}
            />
            <Button type="submit" loading={saving} disabled={!settings} data-testid="trash-approval-save">
              {t('trash.save')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('trash.description', { days: form.values.trashDays || '—' })}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
