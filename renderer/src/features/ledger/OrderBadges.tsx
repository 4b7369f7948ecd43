import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MoneyOrderRecord } from '@shared/contract/ledger-types';
import { useLang } from '../../i18n';
import { compactDay, formatDay } from '../../ui/dates';
import { lapseColors, stateColors } from './format';

/** The order's state, and for an order still held its lapse warning (F2). */
export function OrderBadges({ order }: { order: MoneyOrderRecord }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge data-testid="order-state" data-state={order.state} color={stateColors[order.state]} variant="light" radius="sm" tt="none">
        {t(`moneyOrders.states.${order.state}`)}
      </Badge>
      {order.lapse !== 'ok' && order.state === 'received' && (
        <Badge data-testid="order-lapse" data-lapse={order.lapse} color={lapseColors[order.lapse]} variant="outline" radius="sm" tt="none" leftSection={<IconAlertTriangle size={12} />}>
          {order.lapse === 'lapsed' ? t('moneyOrders.lapse.lapsed') : order.daysLeft === 0 ? t('moneyOrders.lapse.today') : t('moneyOrders.lapse.warning', { count: order.daysLeft })}
        </Badge>
      )}
    </Group>
  );
}

/** What happened to an order that is no longer held: cashed / returned / recorded lapsed, with the date. */
export function OrderOutcome({ order }: { order: MoneyOrderRecord }) {
  const { t } = useTranslation();
  const lang = useLang();
  // Shown in lists: the day compact, the full era date on hover (#13 item 9).
  const lines = [
    order.lapsedOn ? { day: order.lapsedOn, text: t('moneyOrders.lapsedDetail', { date: compactDay(order.lapsedOn, lang) }) } : null,
    order.cashedOn ? { day: order.cashedOn, text: t('moneyOrders.cashedDetail', { date: compactDay(order.cashedOn, lang), ref: order.depositRef ?? '' }) } : null,
    order.returnedOn ? { day: order.returnedOn, text: t('moneyOrders.returnedDetail', { date: compactDay(order.returnedOn, lang) }) } : null,
  ].filter((l): l is { day: string; text: string } => l !== null);
  if (lines.length === 0) return <Text size="sm" c="dimmed">{t('common.none')}</Text>;
  return (
    <>
      {lines.map((l) => (
        <Text key={l.text} size="sm" title={formatDay(l.day, lang)}>
          {l.text}
        </Text>
      ))}
    </>
  );
}
