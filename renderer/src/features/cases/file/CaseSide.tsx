import { Badge, Button, Code, Group, Paper, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMail, IconNote } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseNote, Envelope, TimelineEntry } from '@shared/contract';
import { deliveryLabels, tracked } from '@shared/domain/mail';
import { formatTrackingNumber } from '@shared/domain/tracking-number';
import { kaiji } from '../../../api';
import { useLang } from '../../../i18n';
import { formatDay, formatTime } from '../../../ui/dates';
import { Timestamp } from '../../../ui/Timestamp';
import { contractSchema, useContractForm } from '../../../ui/contractForm';
import { useCall } from '../../../ui/useCall';
import { isKnownAction } from '../../audit/actions';

/** The envelopes this application came in (M1, I2). */
export function EnvelopesCard({ envelopes }: { envelopes: Envelope[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Paper withBorder radius="md" p="md" data-testid="case-envelopes">
      <Title order={5} mb="sm">
        {t('caseFile.envelopes.title')}
      </Title>
      {envelopes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('caseFile.envelopes.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {envelopes.map((e) => (
            <Group key={e.id} gap="sm" wrap="nowrap" align="flex-start">
              <IconMail size={18} stroke={1.5} style={{ marginTop: 3, flexShrink: 0 }} />
              <Stack gap={2} miw={0}>
                <Text size="sm" fw={500}>
                  {formatDay(e.arrivedOn, lang)} · <Text span c={tracked.has(e.delivery) ? undefined : 'orange.9'}>{deliveryLabels[e.delivery]?.[lang] ?? e.delivery}</Text>
                </Text>
                {e.trackingNumber && (
                  <Text size="sm" ff="monospace">
                    {formatTrackingNumber(e.trackingNumber)}
                  </Text>
                )}
                <Group gap={6}>
                  <Badge size="xs" variant="light" color={e.redMarking ? 'red' : 'gray'} radius="sm" tt="none">
                    {e.redMarking ? t('caseFile.envelopes.red') : t('caseFile.envelopes.noRed')}
                  </Badge>
                  {e.senderName && (
                    <Text size="xs" c="dimmed">
                      {e.senderName}
                    </Text>
                  )}
                </Group>
                {e.note && (
                  // The memo typed at intake (#13 finding: it appeared nowhere).
                  <Text size="sm" data-testid={`envelope-note-${e.id}`} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    <Text span size="xs" c="dimmed" fw={600} mr={6}>
                      {t('caseFile.envelopes.note')}
                    </Text>
                    {e.note}
                  </Text>
                )}
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

const noteSchema = contractSchema('cases.addNote');

/** Staff notes on the case, newest first, and a box to add one. */
export function NotesCard({ caseId, notes, editable, onAdded }: { caseId: string; notes: CaseNote[]; editable: boolean; onAdded: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  // #13 item 11c: `cases.addNote`'s own schema (an empty note is named, nothing sent).
  const { form, submit } = useContractForm({ schema: noteSchema, initialValues: { body: '' }, toInput: (v: { body: string }) => ({ id: caseId, body: v.body }) });
  const body = form.values.body;

  const add = submit(async (input) => {
    const result = await run(() => kaiji.cases.addNote(input));
    if (result.ok) {
      form.setValues({ body: '' });
      notifications.show({ color: 'teal', message: t('caseFile.notes.added') });
      onAdded();
    }
  });

  return (
    <Paper withBorder radius="md" p="md" data-testid="case-notes">
      <Title order={5} mb="sm">
        {t('caseFile.notes.title')}
      </Title>
      {editable && (
        <Stack gap="xs" mb="md">
          <Textarea
            data-testid="note-input"
            aria-label={t('caseFile.notes.placeholder')}
            placeholder={t('caseFile.notes.placeholder')}
            {...form.getInputProps('body')}
            onKeyDown={(e) => {
              if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={5000}
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('caseFile.notes.shortcut')}
            </Text>
            <Button data-testid="note-add" size="xs" onClick={() => add()} loading={loading} disabled={!body.trim()} leftSection={<IconNote size={14} />}>
              {t('caseFile.notes.add')}
            </Button>
          </Group>
        </Stack>
      )}
      {notes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('caseFile.notes.none')}
        </Text>
      ) : (
        <Stack gap="sm" data-testid="notes-list">
          {notes.map((n) => (
            <Paper key={n.id} bg="gray.0" p="xs" radius="sm">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {n.body}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {n.author ?? t('audit.system')} · {formatTime(n.createdAt, lang)}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** What happened to the case, from the audit trail. */
export function TimelineCard({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={5} mb="sm">
        {t('caseFile.timeline.title')}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="timeline">
          {t('caseFile.timeline.none')}
        </Text>
      ) : (
        <Timeline data-testid="timeline" bulletSize={12} lineWidth={2} active={entries.length - 1}>
          {entries.map((e, i) => (
            <Timeline.Item
              key={`${e.at}:${i}`}
              data-action={e.action}
              title={
                <Text size="sm" fw={500}>
                  {isKnownAction(e.action) ? t(`audit.actions.${e.action}`) : <Code>{e.action}</Code>}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                <Timestamp at={e.at} /> · {e.actor ?? t('audit.system')}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
