import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type CaseDetail } from '@shared/contract';
import { allows } from '@shared/roles';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { formatTime } from '../../ui/dates';
import { errorText } from '../../ui/errors';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';
import { RecordsTable } from './ProvisionsPage';

/** K6 was ticked on the application. */
export const asksK6 = (detail: CaseDetail) => detail.fields.some((f) => f.field === 'request.k6' && f.value === 'true');

/**
 * On a K6 case file: the register entries with the requester's name keys (R3), and a person's
 * confirmation of which are theirs (audited). The provision_records letter lists exactly those.
 */
export function ProvisionMatchPanel({ detail, reloadKey, onChanged }: { detail: CaseDetail; reloadKey: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { status } = useVault();
  const canConfirm = allows(contract['provisions.confirmMatch'].access, status.user?.role);
  const caseId = detail.case.id;
  const [local, setLocal] = useState(0);
  const { data } = useLoad(() => kaiji.provisions.match({ caseId }), `${caseId}#${reloadKey}#${local}`);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const { run, loading } = useCall();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (data) setSelected(new Set(data.confirmed?.recordIds ?? data.candidates.map((c) => c.id)));
  }, [data]);
  if (!data) return null;

  const confirm = async (ids: string[]) => {
    setError(null);
    const r = await run(() => kaiji.provisions.confirmMatch({ caseId, recordIds: ids }), { notify: false });
    if (!r.ok) return setError(errorText(r.error, lang));
    notifications.show({ color: 'teal', message: t('provisions.match.saved') });
    setLocal((v) => v + 1);
    onChanged();
  };
  const toggle = (id: string) =>
    setSelected((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Paper withBorder radius="md" p="md" data-testid="provision-match">
      <Stack gap="sm">
        <Title order={4}>{t('provisions.match.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('provisions.match.description')}
        </Text>
        {data.confirmed ? (
          <Alert color="teal" data-testid="provision-match-confirmed">
            {t('provisions.match.confirmed', { at: formatTime(data.confirmed.at, lang), by: data.confirmed.byName ?? '', count: data.confirmed.recordIds.length })}
          </Alert>
        ) : (
          <Alert color="orange">{t('provisions.match.notConfirmed')}</Alert>
        )}
        {data.candidates.length === 0 ? (
          <Text size="sm">{t('provisions.match.none')}</Text>
        ) : (
          <RecordsTable records={data.candidates} lang={lang} select={canConfirm ? { selected, toggle } : undefined} />
        )}
        {canConfirm && (
          <Group>
            {data.candidates.length > 0 && (
              <Button data-testid="provision-match-confirm" loading={loading} disabled={selected.size === 0} onClick={() => void confirm([...selected])}>
                {t('provisions.match.confirm')}
              </Button>
            )}
            <Button variant="light" data-testid="provision-match-none" loading={loading} onClick={() => void confirm([])}>
              {t('provisions.match.confirmNone')}
            </Button>
          </Group>
        )}
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
