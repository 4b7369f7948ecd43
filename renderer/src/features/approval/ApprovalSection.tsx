import { Alert, Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterDetail } from '@shared/contract/letters-types';
import { approvalRefusal, type ApprovalState } from '@shared/domain/approval';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { formatDay } from '../../ui/dates';
import { useCall } from '../../ui/useCall';
import { useVault } from '../../ui/vault';

const COLORS: Record<ApprovalState, string> = { not_required: 'gray', awaiting: 'orange', approved: 'teal', sent_back: 'red' };

export function ApprovalBadge({ state }: { state: ApprovalState }) {
  const { t } = useTranslation();
  if (state === 'not_required') return null;
  return (
    <Badge color={COLORS[state]} variant="light" tt="none" data-testid="letter-approval" data-state={state}>
      {t(`approval.states.${state}`)}
    </Badge>
  );
}

// The send-back form validates with the contract's own schema (#13 item 11c).
const sendBackSchema = contractSchema('letters.sendBack').pick({ reason: true });

/**
 * The letter's approval (決裁, #13 item 2b): its state, who approved or sent it back and why,
 * and for an administrator who may give it (shared/domain/approval.ts) Approve and Send back.
 */
export function ApprovalSection({ letter, onChanged }: { letter: LetterDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { status } = useVault();
  const { run, loading } = useCall();
  const [sending, setSending] = useState(false);
  const { form, submit } = useContractForm({ schema: sendBackSchema, initialValues: { reason: '' } });
  const a = letter.approval;
  if (a.state === 'not_required' || letter.status === 'issued') return null;
  const user = status.user;
  const refusal = user ? approvalRefusal({ id: user.id, role: user.role }, { status: 'draft', preparers: a.excluded, deciders: [] }) : 'role';

  const approve = async () => {
    const r = await run(() => kaiji.letters.approve({ id: letter.id }));
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('approval.approved') });
      onChanged();
    }
  };
  const sendBack = submit(async ({ reason }) => {
    const r = await run(() => kaiji.letters.sendBack({ id: letter.id, reason }));
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('approval.sentBack') });
      setSending(false);
      form.reset();
      onChanged();
    }
  });

  return (
    <Stack gap={6} data-testid="approval-section">
      <Group gap="xs">
        <ApprovalBadge state={a.state} />
        {a.byName && a.at && (
          <Text size="xs" c="dimmed">
            {t('approval.by', { name: a.byName, at: formatDay(a.at.slice(0, 10), lang) })}
          </Text>
        )}
      </Group>
      {a.state === 'sent_back' && a.reason && (
        <Alert color="red" variant="light" p="xs" data-testid="approval-reason">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('approval.sentBackReason', { reason: a.reason })}
          </Text>
        </Alert>
      )}
      {a.state !== 'approved' && (
        <Text size="xs" c="dimmed">
          {t('approval.waitingHint')}
        </Text>
      )}
      {refusal === null && (
        <Group gap="xs">
          {a.state !== 'approved' && (
            <Button size="xs" color="teal" loading={loading} onClick={() => void approve()} data-testid="approval-approve">
              {t('approval.approve')}
            </Button>
          )}
          <Button size="xs" variant="light" color="red" onClick={() => setSending(true)} data-testid="approval-send-back">
            {t('approval.sendBack')}
          </Button>
        </Group>
      )}
      {refusal === 'self' && (
        <Text size="xs" c="dimmed">
          {t('approval.selfHint')}
        </Text>
      )}
      <Modal opened={sending} onClose={() => setSending(false)} title={t('approval.sendBackTitle')}>
        <form onSubmit={sendBack}>
          <Stack gap="sm">
            <Textarea label={t('approval.reason')} description={t('approval.reasonHint')} autosize minRows={3} data-autofocus data-testid="approval-reason-input" {...form.getInputProps('reason')} />
            <Group justify="flex-end">
              <Button type="submit" color="red" loading={loading} data-testid="approval-send-back-ok">
                {t('approval.sendBackOk')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
