import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { formatDay } from '../../ui/dates';
import { useLoad } from '../../ui/useLoad';
import { URGENCY_COLORS, daysLeftKey } from './urgency';

/**
 * The case file's clock (I5): arrival, the company's response target (moved by days paused
 * while deficient), the Art. 39 day-14 marker and the urgency the case list sorts by.
 */
export function DeadlinePanel({ caseId, reloadKey }: { caseId: string; reloadKey: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data } = useLoad(() => kaiji.today.caseDeadline({ id: caseId }), `${caseId}#${reloadKey}`);
  if (!data) return null;
  const open = data.urgency !== 'closed';
  const left = daysLeftKey(data.daysLeft);
  const left14 = daysLeftKey(data.day14DaysLeft);
  return (
    <Paper withBorder radius="md" p="md" data-testid="case-deadline" data-urgency={data.urgency} data-target={data.targetOn}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4} fz="md">
            {t('deadline.title')}
          </Title>
          <Badge color={URGENCY_COLORS[data.urgency]} variant="light" radius="sm" tt="none" data-testid="case-deadline-urgency">
            {t(`deadline.urgency.${data.urgency}`)}
          </Badge>
        </Group>
        <Row label={t('deadline.arrived')} value={formatDay(data.arrivedOn, lang)} />
        <Row
          label={t('deadline.target')}
          value={formatDay(data.targetOn, lang)}
          extra={open && data.urgency !== 'paused' ? t(left.key, { count: left.count }) : undefined}
          hint={t('deadline.targetHint', { days: data.targetDays, unit: t(`today.unit.${data.dayCount}`) })}
          testId="case-deadline-target"
        />
        <Row
          label={t('deadline.day14')}
          value={formatDay(data.day14On, lang)}
          extra={open ? t(left14.key, { count: left14.count }) : undefined}
          hint={t('deadline.day14Hint')}
          testId="case-deadline-day14"
        />
        {(data.pausedDays > 0 || data.urgency === 'paused') && (
          <Row
            label={t('deadline.paused')}
            value={t('deadline.pausedValue', { count: data.pausedDays })}
            hint={data.urgency === 'paused' ? t('deadline.pausedNow') : t('deadline.pausedHint')}
            testId="case-deadline-paused"
          />
        )}
      </Stack>
    </Paper>
  );
}

function Row({ label, value, extra, hint, testId }: { label: string; value: string; extra?: string; hint?: string; testId?: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Group gap="xs" align="baseline">
        <Text fw={500}>{value}</Text>
        {extra && (
          <Text size="sm" c="dimmed">
            {extra}
          </Text>
        )}
      </Group>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}
