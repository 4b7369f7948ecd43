import { Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { contractSchema, contractValidate } from '../../ui/contractForm';
import { useSettingsSection } from '../settings/useSettingsSection';

// The fields this section owns, validated by the contract's own settings.update schema (#13 item 11c).
const schema = contractSchema('settings.update').pick({ trashDays: true, approvalRequired: true }).required();

/** Settings of #13 items 2b and 3: the second administrator's approval (決裁) and the trash period. */
export function TrashApprovalSection() {
  const { t } = useTranslation();
  const { settings, save, saving } = useSettingsSection('trash-approval');
  const form = useForm<{ trashDays: number | string; approvalRequired: boolean }>({
    mode: 'controlled',
    initialValues: { trashDays: 30, approvalRequired: false },
    validate: contractValidate(schema),
  });
  useEffect(() => {
    if (settings) form.setValues({ trashDays: settings.trashDays, approvalRequired: settings.approvalRequired });
    // Only when the stored settings arrive, not on every keystroke.
  }, [settings]);

  const submit = form.onSubmit(async (values) => {
    const result = await save({ trashDays: Number(values.trashDays), approvalRequired: values.approvalRequired });
    if (result.ok) form.setValues({ trashDays: result.value.trashDays, approvalRequired: result.value.approvalRequired });
  });

  return (
    <Paper withBorder radius="md" p="lg" data-testid="trash-approval-section">
      <form onSubmit={submit} noValidate>
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
