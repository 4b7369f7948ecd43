import { Badge, Button, Checkbox, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordClass } from '@shared/domain/retention';
import { kaiji } from '../../api';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { Day } from '../../ui/Timestamp';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';

const key = (caseId: string, cls: RecordClass) => `${caseId}|${cls}`;

// #13 item 11c: each form is checked by the schema its channel is checked by on the server.
const scheduleSchema = contractSchema('retention.updateSchedule').required();
const reasonSchema = contractSchema('retention.dispose').pick({ reason: true });
const holdReasonSchema = contractSchema('retention.placeHold').pick({ reason: true });
type ScheduleValues = { idDocumentsMonths: number | ''; moneyOrderImagesMonths: number | ''; caseFileYears: number | '' };

/** The retention schedule, what is due (S4), batch disposal with a reason, and legal holds. */
export function RetentionPanel() {
  const { t } = useTranslation();
  const { run, loading } = useCall();
  const schedule = useLoad(() => kaiji.retention.schedule({}), 'schedule');
  const due = useLoad(() => kaiji.retention.due({}), 'due');
  const holds = useLoad(() => kaiji.retention.holds({}), 'holds');
  const { form, submit } = useContractForm({ schema: scheduleSchema, initialValues: { idDocumentsMonths: '', moneyOrderImagesMonths: '', caseFileYears: '' } as ScheduleValues });
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const disposal = useContractForm({ schema: reasonSchema, initialValues: { reason: t('records.retention.reasonDefault') } });
  const [confirming, setConfirming] = useState(false);
  // The case is named by its number here, looked up before the call (the channel takes its id).
  const hold = useContractForm({
    schema: holdReasonSchema,
    initialValues: { caseNo: '', reason: '' },
    toInput: ({ reason }: { caseNo: string; reason: string }) => ({ reason }),
    rules: (v) => ({ caseNo: !v.caseNo.trim() && t('forms.errors.required') }),
  });

  const [filled, setFilled] = useState(false);
  useEffect(() => {
    if (!schedule.data || (filled && form.isDirty())) return;
    form.setValues(schedule.data);
    form.resetDirty(schedule.data);
    setFilled(true);
    // Only when the stored schedule arrives.
  }, [schedule.data]);

  const reloadAll = () => {
    void due.reload();
    void holds.reload();
    setPicked(new Set());
  };
  const saveSchedule = submit(async (input) => {
    const r = await run(() => kaiji.retention.updateSchedule(input));
    if (r.ok) {
      form.setValues(r.value);
      form.resetDirty(r.value);
      notifications.show({ color: 'teal', message: t('common.saved') });
      reloadAll();
    }
  });
  const dispose = async () => {
    const parsed = reasonSchema.safeParse(disposal.form.getValues());
    if (!parsed.success) return;
    const { reason } = parsed.data;
    const byCase = new Map<string, RecordClass[]>();
    for (const d of due.data ?? []) if (picked.has(key(d.caseId, d.recordClass))) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d.recordClass]);
    const r = await run(() => kaiji.retention.dispose({ items: [...byCase].map(([caseId, classes]) => ({ caseId, classes })), reason }));
    setConfirming(false);
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('records.retention.disposed', { count: r.value.entries.length }) });
      reloadAll();
    }
  };
  const placeHold = hold.submit(async ({ reason }, { caseNo }) => {
    const found = await run(() => kaiji.cases.list({ query: caseNo.trim(), limit: 5 }));
    const c = found.ok ? found.value.cases.find((x) => x.caseNo === caseNo.trim()) : undefined;
    if (!c) {
      hold.form.setFieldError('caseNo', t('records.retention.holdCaseUnknown'));
      return;
    }
    const r = await run(() => kaiji.retention.placeHold({ caseId: c.id, reason }));
    if (r.ok) {
      hold.form.reset();
      reloadAll();
    }
  });

  return (
    <Stack gap="lg" maw={1000}>
      <Paper withBorder p="md" component="form" onSubmit={saveSchedule} noValidate>
        <Stack gap="sm">
          <Title order={3} fz="lg">
            {t('records.retention.schedule')}
          </Title>
          <Group grow align="flex-start">
            {(['idDocumentsMonths', 'moneyOrderImagesMonths', 'caseFileYears'] as const).map((k) => (
              <NumberInput
                key={k}
                label={t(`records.retention.${k}`)}
                min={k === 'caseFileYears' ? 1 : 0}
                max={k === 'caseFileYears' ? 30 : 120}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                disabled={!filled}
                data-testid={`retention-${k}`}
                {...form.getInputProps(k)}
              />
            ))}
          </Group>
          <Group>
            <Button type="submit" variant="default" loading={loading} disabled={!filled} data-testid="retention-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
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
                      <Table.Td>
                        <Day iso={d.closedOn} />
                      </Table.Td>
                      <Table.Td>
                        <Day iso={d.dueOn} />
                      </Table.Td>
                      <Table.Td>{d.pages}</Table.Td>
                      <Table.Td>{d.held && <Badge color="orange">{t('records.retention.held')}</Badge>}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <form noValidate onSubmit={disposal.submit(() => setConfirming(true))}>
              <Group align="flex-start">
                <TextInput style={{ flex: 1 }} label={t('records.retention.reason')} maxLength={500} data-testid="retention-reason" {...disposal.form.getInputProps('reason')} />
                <Button type="submit" color="red" mt={25} disabled={picked.size === 0} data-testid="retention-dispose">
                  {t('records.retention.dispose')}
                </Button>
              </Group>
            </form>
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
        <form noValidate onSubmit={placeHold}>
          <Group align="flex-start">
            <TextInput label={t('records.retention.holdCase')} placeholder="2026-0001" data-testid="retention-hold-case" {...hold.form.getInputProps('caseNo')} />
            <TextInput style={{ flex: 1 }} label={t('records.retention.holdReason')} maxLength={500} data-testid="retention-hold-reason" {...hold.form.getInputProps('reason')} />
            <Button type="submit" variant="default" mt={25} data-testid="retention-hold-place">
              {t('records.retention.place')}
            </Button>
          </Group>
        </form>
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
