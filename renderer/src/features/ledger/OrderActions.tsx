import { Button, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '@shared/contract';
import type { MoneyOrderRecord } from '@shared/contract/ledger-types';
import { isoDateInJapan } from '@shared/domain/dates';
import { canChangeMoneyOrder } from '@shared/domain/money-orders';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { errorText } from '../../ui/errors';
import { FormModal } from '../../ui/FormModal';
import { useCall } from '../../ui/useCall';
import { EraDateInput, readDate } from '../../ui/EraDateInput';

type Action = 'cash' | 'return' | 'lapse';

/** Cash / return / lapsed buttons for one order, each opening a small form (F2, F4). */
export function OrderActions({ order, onChanged }: { order: MoneyOrderRecord; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const can = {
    cash: canChangeMoneyOrder(order.state, 'cashed'),
    return: canChangeMoneyOrder(order.state, 'returned'),
    lapse: canChangeMoneyOrder(order.state, 'lapsed') && order.lapse === 'lapsed',
  };
  if (!can.cash && !can.return && !can.lapse) return null;
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={t('moneyOrders.actions.menuLabel', { no: order.certificateNo })}>
      {(['cash', 'return', 'lapse'] as const)
        .filter((a) => can[a])
        .map((a) => (
          <Button key={a} size="compact-xs" variant={a === 'cash' ? 'light' : 'subtle'} data-testid={`order-${a}`} onClick={() => setOpen(a)}>
            {t(`moneyOrders.actions.${a}`)}
          </Button>
        ))}
      {open && (
        <ActionForm
          key={open}
          action={open}
          order={order}
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
const ACTIONS = {
  cash: { schema: contractSchema('moneyOrders.cash'), date: 'cashedOn' },
  return: { schema: contractSchema('moneyOrders.return'), date: 'returnedOn' },
  lapse: { schema: contractSchema('moneyOrders.lapse'), date: 'lapsedOn' },
} as const;
/** The date field is named like the action's input key (cashedOn …), so the schema names it. */
type ActionValues = Record<string, string>;

function ActionForm({ action, order, onClose, onDone }: { action: Action; order: MoneyOrderRecord; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const { schema, date } = ACTIONS[action];
  const { form, submit } = useContractForm({
    schema: schema as z.ZodType,
    initialValues: { [date]: isoDateInJapan(new Date()), depositRef: '' } as ActionValues,
    toInput: (v: ActionValues) => ({ id: order.id, [date]: readDate(v[date] ?? '') ?? v[date], ...(action === 'cash' ? { depositRef: v.depositRef } : {}) }),
  });
  const [error, setError] = useState<string | null>(null);

  const onSubmit = submit(async (input) => {
    setError(null);
    const result = await run(
      () =>
        action === 'cash'
          ? kaiji.moneyOrders.cash(input as ChannelInput<'moneyOrders.cash'>)
          : action === 'return'
            ? kaiji.moneyOrders.return(input as ChannelInput<'moneyOrders.return'>)
            : kaiji.moneyOrders.lapse(input as ChannelInput<'moneyOrders.lapse'>),
      { notify: false },
    );
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('moneyOrders.actions.done') });
      onDone();
    } else setError(errorText(result.error, lang));
  });

  const titles = { cash: 'cashTitle', return: 'returnTitle', lapse: 'lapseTitle' } as const;
  const dateLabels = { cash: 'cashedOn', return: 'returnedOn', lapse: 'lapsedOn' } as const;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`${t(`moneyOrders.actions.${titles[action]}`)}（${order.certificateNo}）`}
      onSubmit={onSubmit}
      loading={loading}
      submitTestId="order-action-submit"
      submitLabel={t('moneyOrders.actions.save')}
    >
      <EraDateInput testId="order-action-date" label={t(`moneyOrders.actions.${dateLabels[action]}`)} required {...form.getInputProps(date)} />
      {action === 'cash' && (
        <TextInput data-testid="order-deposit-ref" label={t('moneyOrders.actions.depositRef')} maxLength={120} required {...form.getInputProps('depositRef')} />
      )}
      {action === 'lapse' && (
        <Text size="sm" c="dimmed">
          {t('moneyOrders.actions.lapseHint')}
        </Text>
      )}
      {error && (
        <Text size="sm" c="red.8" role="alert" data-testid="order-action-error">
          {error}
        </Text>
      )}
    </FormModal>
  );
}
