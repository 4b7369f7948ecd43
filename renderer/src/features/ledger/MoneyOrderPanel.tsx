import { Button, Collapse, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import { paysFee, sumMoneyOrders } from '@shared/domain/money-orders';
import { allows } from '@shared/roles';
import { kaiji } from '../../api';

import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';
import { MoneyOrderForm } from './MoneyOrderForm';
import { OrderActions } from './OrderActions';
import { OrderBadges, OrderOutcome } from './OrderBadges';
import { yen } from './format';
import { Day } from '../../ui/Timestamp';

/** The case file's money orders (F1-F4): recorded here, their state changed here; the checklist's fee line follows. */
export function MoneyOrderPanel({ caseId, receivedOn, reloadKey, onChanged }: { caseId: string; receivedOn: string; reloadKey: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { status } = useVault();
  const canRecord = allows(contract['moneyOrders.record'].access, status.user?.role);
  const [formOpen, form] = useDisclosure(false);
  const { data } = useLoad(() => kaiji.moneyOrders.list({ caseId }), `${caseId}#${reloadKey}`);
  const orders = data ?? [];
  const sums = sumMoneyOrders(orders);
  const paying = orders.filter((o) => paysFee(o.state)).reduce((a, o) => a + o.faceValue, 0);

  return (
    <Paper withBorder radius="md" p="md" data-testid="money-order-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs" align="baseline">
            <Title order={4}>{t('moneyOrders.panel.title')}</Title>
            {orders.length > 0 && (
              <Text size="sm" c="dimmed" data-testid="money-order-sum" data-total={sums.total} data-paying={paying}>
                {t('moneyOrders.panel.sum', { count: sums.count, total: yen(sums.total), paying: yen(paying) })}
              </Text>
            )}
          </Group>
          {canRecord && (
            <Button size="compact-sm" variant={formOpen ? 'subtle' : 'light'} leftSection={<IconPlus size={14} />} onClick={form.toggle} aria-expanded={formOpen} data-testid="order-add">
              {t('moneyOrders.panel.add')}
            </Button>
          )}
        </Group>
        {canRecord && (
          <Collapse expanded={formOpen}>
            <MoneyOrderForm caseId={caseId} receivedOn={receivedOn} onRecorded={onChanged} />
          </Collapse>
        )}
        {data && orders.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('moneyOrders.panel.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" data-testid="money-order-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('moneyOrders.columns.certificateNo')}</Table.Th>
                  <Table.Th ta="right">{t('moneyOrders.columns.faceValue')}</Table.Th>
                  <Table.Th>{t('moneyOrders.columns.issuedOn')}</Table.Th>
                  <Table.Th>{t('moneyOrders.columns.payableUntil')}</Table.Th>
                  <Table.Th>{t('moneyOrders.columns.state')}</Table.Th>
                  <Table.Th>{t('moneyOrders.columns.done')}</Table.Th>
                  {canRecord && <Table.Th>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {orders.map((o) => (
                  <Table.Tr key={o.id} data-testid="money-order-row" data-state={o.state} data-certificate={o.certificateNo}>
                    <Table.Td ff="monospace">{o.certificateNo}</Table.Td>
                    <Table.Td ta="right">{t('moneyOrders.yen', { amount: yen(o.faceValue) })}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <Day iso={o.issuedOn} />
                      </Text>
                      <Text size="xs" c="dimmed">
                        {o.issuingOffice}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Day iso={o.payableUntil} />
                    </Table.Td>
                    <Table.Td>
                      <OrderBadges order={o} />
                    </Table.Td>
                    <Table.Td>
                      <OrderOutcome order={o} />
                    </Table.Td>
                    {canRecord && (
                      <Table.Td>
                        <OrderActions order={o} onChanged={onChanged} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
