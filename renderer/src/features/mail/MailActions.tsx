import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboundMailItem } from '@shared/contract/mail-types';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { errorText } from '../../ui/errors';
import { FormModal } from '../../ui/FormModal';
import { useCall } from '../../ui/useCall';
import { EraDateInput, readDate } from '../../ui/EraDateInput';

type Action = 'record' | 'returned';

/** Record delivery / proof of delivery (配達証明), or the item's return undelivered (M2). */
export function MailActions({ item, onChanged }: { item: OutboundMailItem; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  if (item.returnedOn) return null;
  const canRecord = !item.deliveredOn || item.awaitingProof;
  return (
    <Group gap={4} wrap="nowrap">
      {canRecord && (
        <Button size="compact-xs" variant="light" data-testid="mail-record" onClick={() => setOpen('record')}>
          {t('mailLog.actions.record')}
        </Button>
      )}
      {!item.deliveredOn && (
        <Button size="compact-xs" variant="subtle" data-testid="mail-returned" onClick={() => setOpen('returned')}>
          {t('mailLog.actions.returned')}
        </Button>
      )}
      {open && (
        <ActionForm
          action={open}
          item={item}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onChanged();
          }}
        />
      )}
    </Group>
  );
}

function ActionForm({ action, item, onClose, onDone }: { action: Action; item: OutboundMailItem; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [delivered, setDelivered] = useState(item.deliveredOn ?? '');
  const [proof, setProof] = useState('');
  const [returned, setReturned] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (action === 'returned') {
      const returnedOn = readDate(returned);
      if (!returnedOn) return setError(t('moneyOrders.form.required'));
      const result = await run(() => kaiji.mail.markReturned({ id: item.id, returnedOn }), { notify: false });
      if (!result.ok) return setError(errorText(result.error, lang));
      notifications.show({ color: 'teal', message: t('mailLog.actions.done') });
      return onDone();
    }
    const deliveredOn = !item.deliveredOn ? (readDate(delivered) ?? undefined) : undefined;
    const proofReceivedOn = readDate(proof) ?? undefined;
    if (!deliveredOn && !proofReceivedOn) return setError(t('mailLog.actions.needOne'));
    const result = await run(() => kaiji.mail.recordDelivery({ id: item.id, deliveredOn, proofReceivedOn }), { notify: false });
    if (!result.ok) return setError(errorText(result.error, lang));
    notifications.show({ color: 'teal', message: result.value.caseClosed ? t('mailLog.actions.closed', { caseNo: item.caseNo }) : t('mailLog.actions.done') });
    onDone();
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t(action === 'record' ? 'mailLog.actions.recordTitle' : 'mailLog.actions.returnedTitle')}
      onSubmit={(e) => void submit(e)}
      loading={loading}
      submitTestId="mail-action-submit"
      submitLabel={t('mailLog.actions.save')}
    >
      {action === 'record' ? (
        <>
          {!item.deliveredOn && <EraDateInput testId="mail-delivered" label={t('mailLog.actions.deliveredOn')} value={delivered} onChange={setDelivered} />}
          {item.proofRequested && <EraDateInput testId="mail-proof" label={t('mailLog.actions.proofReceivedOn')} value={proof} onChange={setProof} />}
          {item.closesCase && (
            <Text size="sm" c="dimmed">
              {t('mailLog.actions.closesHint')}
            </Text>
          )}
        </>
      ) : (
        <EraDateInput testId="mail-returned-on" label={t('mailLog.actions.returnedOn')} value={returned} onChange={setReturned} required />
      )}
      {error && (
        <Text size="sm" c="red.8" role="alert" data-testid="mail-action-error">
          {error}
        </Text>
      )}
    </FormModal>
  );
}
