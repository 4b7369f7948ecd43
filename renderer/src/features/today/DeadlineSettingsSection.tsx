import { Button, Group, NumberInput, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettingsForm } from '../settings/useSettingsSection';

/** I5: the company's response target in days and whether weekends and public holidays count. */
export function DeadlineSettingsSection() {
  const { t } = useTranslation();
  const { form, settings, saving, onSubmit } = useSettingsForm('deadlines', ['responseTargetDays', 'responseDayCount', 'deficientWaitDays']);

  return (
    <Paper withBorder radius="md" p="lg" data-testid="deadline-settings">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('deadlineSettings.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('deadlineSettings.description')}
          </Text>
          <NumberInput
            data-testid="deadline-days"
            label={t('deadlineSettings.days')}
            min={1}
            max={365}
            allowDecimal={false}
            clampBehavior="none"
            allowNegative={false}
            w={200}
            disabled={!settings}
            required
            {...form.getInputProps('responseTargetDays')}
          />
          <Radio.Group label={t('deadlineSettings.count')} data-testid="deadline-count" {...form.getInputProps('responseDayCount')}>
            <Stack gap={6} mt={6}>
              <Radio value="calendar" label={t('deadlineSettings.calendar')} disabled={!settings} data-testid="deadline-count-calendar" />
              <Radio value="business" label={t('deadlineSettings.business')} disabled={!settings} data-testid="deadline-count-business" />
            </Stack>
          </Radio.Group>
          <Text size="xs" c="dimmed">
            {t('deadlineSettings.holidays')}
          </Text>
          <NumberInput
            data-testid="deadline-deficient-wait"
            label={t('deadlineSettings.deficientWait')}
            description={t('deadlineSettings.deficientWaitHint')}
            min={1}
            max={365}
            allowDecimal={false}
            clampBehavior="none"
            allowNegative={false}
            w={320}
            disabled={!settings}
            required
            {...form.getInputProps('deficientWaitDays')}
          />
          <Group>
            <Button type="submit" loading={saving} disabled={!settings} data-testid="deadline-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
