import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { formatDay } from '../../ui/dates';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';

/**
 * The case header's "still owed" list (issue #10 item 1): read from the one obligations rule
 * through `cases.obligations`, with the one-click confirmation of OCR-read kinds (item 6) and the
 * obligations an administrator waived at close.
 */
export function ObligationsCard({ caseId, reloadKey, onChanged }: { caseId: string; reloadKey: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data } = useLoad(() => kaiji.cases.obligations({ caseId }), `${caseId}#${reloadKey}`);
  const { run, loading } = useCall();
  if (!data) return null;
  const canConfirm = data.allowed.includes('confirm_kinds');
  const confirm = async () => {
    const r = await run(() => kaiji.cases.confirmKinds({ caseId }));
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('lifecycle.kindsConfirmed') });
      onChanged();
    }
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="case-owed" data-count={data.owed.length}>
      <Stack gap="xs">
        <Group gap="sm">
          <IconChecklist size={18} aria-hidden />
          <Title order={5}>{t('lifecycle.owedTitle')}</Title>
          {data.owed.length > 0 && (
            <Badge color="orange" variant="light" tt="none">
              {t('lifecycle.owedCount', { count: data.owed.length })}
            </Badge>
          )}
        </Group>
        {data.unconfirmedKinds.length > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />} data-testid="kinds-unconfirmed">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">{t('lifecycle.unconfirmed', { kinds: data.unconfirmedKinds.join('・') })}</Text>
              {canConfirm && (
                <Button size="xs" data-testid="confirm-kinds" loading={loading} onClick={() => void confirm()}>
                  {t('lifecycle.confirmKinds')}
                </Button>
              )}
            </Group>
          </Alert>
        )}
        {data.owed.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('lifecycle.owedNone')}
          </Text>
        ) : (
          <List size="sm" spacing={2} data-testid="case-owed-list">
            {data.owed.map((o) => (
              <List.Item key={`${o.code}:${o.kind ?? o.notice ?? ''}`} data-code={o.code}>
                {o.label[lang]}
              </List.Item>
            ))}
          </List>
        )}
        {data.waived.length > 0 && (
          <Stack gap={2} data-testid="case-waived">
            <Text size="xs" c="dimmed" fw={600}>
              {t('lifecycle.waivedTitle')}
            </Text>
            {data.waived.map((w) => (
              <Text key={w.obligation} size="xs">
                {w.obligation} — {w.reason}（{t('lifecycle.waivedBy', { name: w.waivedByName ?? '', date: formatDay(w.waivedAt.slice(0, 10), lang) })}）
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
