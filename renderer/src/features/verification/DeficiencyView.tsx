import { Alert, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StoredDeficiency } from '@shared/domain/verification/stored-deficiency';
import { useLang } from '../../i18n';
import { formatTime } from '../../ui/dates';

/**
 * The stored deficiency decision (R5, I4): what the applicant must correct and the whole set
 * to send again, exactly as the administrator decided it (the notice letter prints the same).
 */
export function DeficiencyView({ deficiency }: { deficiency: StoredDeficiency }) {
  const { t } = useTranslation();
  const lang = useLang();
  const waiting = deficiency.resolvedAt === null;
  return (
    <Stack gap="xs" data-testid="deficiency" data-resolved={waiting ? 'false' : 'true'}>
      <Group gap="xs" align="center">
        <Title order={5}>{t('verification.deficiency.title')}</Title>
        <Badge color={waiting ? 'orange' : 'gray'} variant="light" radius="sm" tt="none">
          {waiting ? t('verification.deficiency.waiting') : t('verification.deficiency.resolved', { at: formatTime(deficiency.resolvedAt!, lang) })}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t('verification.deficiency.decided', { at: formatTime(deficiency.createdAt, lang) })}
      </Text>
      {deficiency.reason && (
        <Text size="sm" data-testid="deficiency-reason">
          {t('verification.deficiency.reason')}: {deficiency.reason}
        </Text>
      )}
      <Text size="sm" fw={600}>
        {t('verification.deficiency.problems')}
      </Text>
      <List size="sm" spacing={2} data-testid="deficiency-problems">
        {deficiency.notice.problems.map((p, i) => (
          <List.Item key={i}>{p[lang]}</List.Item>
        ))}
      </List>
      <Text size="sm" fw={600}>
        {t('verification.deficiency.resend')}
      </Text>
      <List size="sm" spacing={2} type="ordered" data-testid="deficiency-resend">
        {deficiency.notice.resend.map((r, i) => (
          <List.Item key={i}>{r[lang]}</List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        {deficiency.notice.instruction[lang]}
      </Text>
      {deficiency.notice.pendingReview.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
          {t('verification.deficiency.pendingReview', { rules: deficiency.notice.pendingReview.join(', ') })}
        </Alert>
      )}
    </Stack>
  );
}
