import { Badge, Button, Checkbox, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordClass, RetentionSchedule } from '@shared/domain/retention';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { formatDay } from '../../ui/dates';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';

const key = (caseId: string, cls: RecordClass) => `${caseId}|${cls}`;

/** The retention schedule, what is due (S4), batch disposal with a reason, and legal holds. */
export function RetentionPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const schedule = useLoad(() => kaiji.retention.schedule({}), 'schedule');
  const due = useLoad(() => kaiji.retention.due({}), 'due');
  const holds = useLoad(() => kaiji.retention.holds({}), 'holds');
  const [form, setForm] = useState<RetentionSchedule | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState(t('records.retention.reasonDefault'));
  const [confirming, setConfirming] = useState(false);
  const [hold, setHold] = useState({ caseNo: '', reason: '' });

  useEffect(() => {
    if (schedule.data) setForm(schedule.data);
  }, [schedule.data]);

  const reloadAll = () => {
    void due.reload();
    void holds.reload();
    setPicked(new Set());
  };
  const saveSchedule = async () => {
    if (!form) return;
    const r = await run(() => kaiji.retention.updateSchedule(form));
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('common.saved') });
      reloadAll();
    }
  };
  const dispose = async () => {
    const byCase = new Map<string, RecordClass[]>();
    for (const d of due.data ?? []) if (picked.has(key(d.caseId, d.recordClass))) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d.recordClass]);
    const r = await run(() => kaiji.retention.dispose({ items: [...byCase].map(([caseId, classes]) => ({ caseId, classes })), reason }));
    setConfirming(false);
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('records.retention.disposed', { count: r.value.entries.length }) });
      reloadAll();
    }
  };
  const placeHold = async () => {
    const found = await run(() => kaiji.cases.list({ query: hold.caseNo, limit: 5 }));
    const c = found.ok ? found.value.cases.find((x) => x.caseNo === hold.caseNo.trim()) : undefined;
    if (!c) {
      notifications.show({ color: 'red', message: t('records.retention.holdCase') });
      return;
    }
    const r = await run(() => kaiji.retention.placeHold({ caseId: c.id, reason: hold.reason }));
    if (r.ok) {
      setHold({ caseNo: '', reason: '' });
      reloadAll();
    }
  };

  return (
    <Stack gap="lg" maw={1000}>
      {form && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} fz="lg">
              {t('records.retention.schedule')}
            </Title>
            <Group grow align="flex-end">
              <NumberInput label={t('records.retention.idDocumentsMonths')} min={0} max={120} value={form.idDocumentsMonths} onChange={(v) => setForm({ ...form, idDocumentsMonths: Number(v) || 0 })} />
              <NumberInput label={t('records.retention.moneyOrderImagesMonths')} min={0} max={120} value={form.moneyOrderImagesMonths} onChange={(v) => setForm({ ...form, moneyOrderImagesMonths: Number(v) || 0 })} />
              <NumberInput label={t('records.retention.caseFileYears')} min={1} max={30} value={form.caseFileYears} onChange={(v) => setForm({ ...form, caseFileYears: Number(v) || 1 })} />
            </Group>
            <Group>
              <Button variant="default" onClick={() => void saveSchedule()} loading={loading} data-testid="retention-save">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <Stack gap="xs">
        <Title order={3} fz="lg">
          {t('records.retention.due')}
        </Title>
        {(due.data ?? []).length === 0 ? (
          <Text c="dimmed">{t('records.retention.noneDue')}</Text>
        ) : (
          <>
            <Table striped data-testid="retention-due">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t('records.retention.columns.caseNo')}</Table.Th>
                  <Table.Th>{t('records.retention.columns.class')}</Table.Th>
                  <Table.Th>{t('records.retention.columns.closedOn')}</Table.Th>
                  <Table.Th>{t('records.retention.columns.dueOn')}</Table.Th>
                  <Table.Th>{t('records.retention.columns.pages')}</Table.Th>
                  <Table.Th>{t('records.retention.columns.hold')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {due.data!.map((d) => {
                  const k = key(d.caseId, d.recordClass);
                  return (
                    <Table.Tr key={k}>
                      <Table.Td>
                        <Checkbox
                          aria-label={`${d.caseNo} ${t(`records.classes.${d.recordClass}`)}`}
                          disabled={d.held}
                          checked={picked.has(k)}
                          onChange={(e) => {
                            const next = new Set(picked);
                            if (e.currentTarget.checked) next.add(k);
                            else next.delete(k);
                            setPicked(next);
                          }}
                        />
                      </Table.Td>
                      <Table.Td>{d.caseNo}</Table.Td>
                      <Table.Td>{t(`records.classes.${d.recordClass}`)}</Table.Td>
                      <Table.Td>{formatDay(d.closedOn, lang)}</Table.Td>
                      <Table.Td>{formatDay(d.dueOn, lang)}</Table.Td>
                      <Table.Td>{d.pages}</Table.Td>
                      <Table.Td>{d.held && <Badge color="orange">{t('records.retention.held')}</Badge>}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Group align="flex-end">
              <TextInput style={{ flex: 1 }} label={t('records.retention.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />
              <Button color="red" disabled={picked.size === 0 || !reason.trim()} onClick={() => setConfirming(true)} data-testid="retention-dispose">
                {t('records.retention.dispose')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="lg">
          {t('records.retention.holds')}
        </Title>
        {(holds.data ?? []).length === 0 && <Text c="dimmed">{t('records.retention.noHolds')}</Text>}
        {(holds.data ?? []).map((h) => (
          <Group key={h.caseId} justify="space-between">
            <Text>
              {h.caseNo}: {h.reason}
            </Text>
            <Button size="xs" variant="default" onClick={() => void run(() => kaiji.retention.releaseHold({ caseId: h.caseId })).then((r) => r.ok && reloadAll())}>
              {t('records.retention.release')}
            </Button>
          </Group>
        ))}
        <Group align="flex-end">
          <TextInput label={t('records.retention.holdCase')} value={hold.caseNo} onChange={(e) => setHold({ ...hold, caseNo: e.currentTarget.value })} placeholder="2026-0001" />
          <TextInput style={{ flex: 1 }} label={t('records.retention.holdReason')} value={hold.reason} onChange={(e) => setHold({ ...hold, reason: e.currentTarget.value })} maxLength={500} />
          <Button variant="default" disabled={!hold.caseNo.trim() || !hold.reason.trim()} onClick={() => void placeHold()}>
            {t('records.retention.place')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('records.retention.confirmTitle')}
        confirmLabel={t('records.retention.dispose')}
        onClose={() => setConfirming(false)}
        onConfirm={dispose}
      >
        {t('records.retention.confirmBody', { count: picked.size })}
      </ConfirmModal>
    </Stack>
  );
}
