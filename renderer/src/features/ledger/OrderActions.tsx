import { Button, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoneyOrderRecord } from '@shared/contract/ledger-types';
import { isoDateInJapan } from '@shared/domain/dates';
import { canChangeMoneyOrder } from '@shared/domain/money-orders';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
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

function ActionForm({ action, order, onClose, onDone }: { action: Action; order: MoneyOrderRecord; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [date, setDate] = useState(isoDateInJapan(new Date()));
  const [ref, setRef] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const iso = readDate(date);
    if (!iso || (action === 'cash' && !ref.trim())) {
      setError(t('moneyOrders.form.required'));
      return;
    }
    const result = await run(
      () =>
        action === 'cash'
          ? kaiji.moneyOrders.cash({ id: order.id, cashedOn: iso, depositRef: ref.trim() })
          : action === 'return'
            ? kaiji.moneyOrders.return({ id: order.id, returnedOn: iso })
            : kaiji.moneyOrders.lapse({ id: order.id, lapsedOn: iso }),
      { notify: false },
    );
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('moneyOrders.actions.done') });
      onDone();
    } else setError(errorText(result.error, lang));
  };

  const titles = { cash: 'cashTitle', return: 'returnTitle', lapse: 'lapseTitle' } as const;
  const dateLabels = { cash: 'cashedOn', return: 'returnedOn', lapse: 'lapsedOn' } as const;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`${t(`moneyOrders.actions.${titles[action]}`)}（${order.certificateNo}）`}
      onSubmit={(e) => void submit(e)}
      loading={loading}
      submitTestId="order-action-submit"
      submitLabel={t('moneyOrders.actions.save')}
    >
      <EraDateInput testId="order-action-date" label={t(`moneyOrders.actions.${dateLabels[action]}`)} value={date} onChange={setDate} required />
      {action === 'cash' && (
        <TextInput data-testid="order-deposit-ref" label={t('moneyOrders.actions.depositRef')} value={ref} onChange={(e) => setRef(e.currentTarget.value)} maxLength={120} required />
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
