import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboundMailItem } from '@shared/contract/mail-types';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { contractSchema, useContractForm } from '../../ui/contractForm';
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
          key={open}
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

// #13 item 11c: each action is checked by its channel's own schema before any call.
const returnedSchema = contractSchema('mail.markReturned');
const deliverySchema = contractSchema('mail.recordDelivery');
interface DeliveryValues {
  /** As typed (era or Western). */
  deliveredOn: string;
  proofReceivedOn: string;
}
const typed = (text: string) => (text.trim() ? (readDate(text) ?? text) : undefined);

function ActionForm({ action, item, onClose, onDone }: { action: Action; item: OutboundMailItem; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [error, setError] = useState<string | null>(null);
  const returned = useContractForm({
    schema: returnedSchema,
    initialValues: { returnedOn: '' },
    toInput: (v: { returnedOn: string }) => ({ id: item.id, returnedOn: readDate(v.returnedOn) ?? v.returnedOn }),
  });
  const delivery = useContractForm({
    schema: deliverySchema,
    initialValues: { deliveredOn: item.deliveredOn ?? '', proofReceivedOn: '' } as DeliveryValues,
    toInput: (v: DeliveryValues) => ({ id: item.id, ...(item.deliveredOn ? {} : { deliveredOn: typed(v.deliveredOn) }), proofReceivedOn: typed(v.proofReceivedOn) }),
    // Delivered already: the proof's day is the one date left to give (the schema names the delivery date).
    rules: (v: DeliveryValues) => ({ proofReceivedOn: Boolean(item.deliveredOn) && !v.proofReceivedOn.trim() && t('forms.errors.date_needed') }),
  });

  const submitReturned = returned.submit(async (input) => {
    setError(null);
    const result = await run(() => kaiji.mail.markReturned(input), { notify: false });
    if (!result.ok) return setError(errorText(result.error, lang));
    notifications.show({ color: 'teal', message: t('mailLog.actions.done') });
    onDone();
  });
  const submitDelivery = delivery.submit(async (input) => {
    setError(null);
    const result = await run(() => kaiji.mail.recordDelivery(input), { notify: false });
    if (!result.ok) return setError(errorText(result.error, lang));
    notifications.show({ color: 'teal', message: result.value.caseClosed ? t('mailLog.actions.closed', { caseNo: item.caseNo }) : t('mailLog.actions.done') });
    onDone();
  });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t(action === 'record' ? 'mailLog.actions.recordTitle' : 'mailLog.actions.returnedTitle')}
      onSubmit={action === 'returned' ? submitReturned : submitDelivery}
      loading={loading}
      submitTestId="mail-action-submit"
      submitLabel={t('mailLog.actions.save')}
    >
      {action === 'record' ? (
        <>
          {!item.deliveredOn && <EraDateInput testId="mail-delivered" label={t('mailLog.actions.deliveredOn')} {...delivery.form.getInputProps('deliveredOn')} />}
          {item.proofRequested && <EraDateInput testId="mail-proof" label={t('mailLog.actions.proofReceivedOn')} {...delivery.form.getInputProps('proofReceivedOn')} />}
          {item.closesCase && (
            <Text size="sm" c="dimmed">
              {t('mailLog.actions.closesHint')}
            </Text>
          )}
        </>
      ) : (
        <EraDateInput testId="mail-returned-on" label={t('mailLog.actions.returnedOn')} required {...returned.form.getInputProps('returnedOn')} />
      )}
      {error && (
        <Text size="sm" c="red.8" role="alert" data-testid="mail-action-error">
          {error}
        </Text>
      )}
    </FormModal>
  );
}
