import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Pagination, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconFileExport } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import { MONEY_ORDER_STATES, type MoneyOrderState } from '@shared/domain/money-orders';
import { allows } from '@shared/roles';
import { kaiji } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import { useListKeys } from '../../ui/useListKeys';
import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';
import { caseHref } from '../shell/routes';
import { Day } from '../../ui/Timestamp';
import { ExportDialog } from './ExportDialog';
import { MonthlyTotals } from './MonthlyTotals';
import { OrderActions } from './OrderActions';
import { OrderBadges, OrderOutcome } from './OrderBadges';
import { yen } from './format';

const PAGE = 100;

/** 定額小為替台帳 `#/moneyOrders`: every order in the office, filters, lapse warnings, monthly totals and the accounts export. */
export function MoneyOrdersPage() {
  const { t } = useTranslation();
  const { status } = useVault();
  const role = status.user?.role;
  const canChange = allows(contract['moneyOrders.cash'].access, role);
  const canExport = allows(contract['moneyOrders.export'].access, role);
  const [state, setState] = useState<MoneyOrderState | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [lapsing, setLapsing] = useState(false);
  // #13 item 1: pages through any number of orders (was: "more" up to 500).
  const [page, setPage] = useState(0);
  const [version, setVersion] = useState(0);
  const [exporting, setExporting] = useState(false);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  const filter = { ...(state ? { state } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(lapsing ? { lapsing } : {}) };
  const key = `${JSON.stringify(filter)}#${version}`;
  const filterKey = JSON.stringify(filter);
  useEffect(() => setPage(0), [filterKey]);
  const { data } = useLoad(() => kaiji.moneyOrders.ledger({ ...filter, limit: PAGE, offset: page * PAGE }), `${key}#${page}`);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  // j/k, Enter (opens the order's case), ] [ (ui/list-shortcuts.ts).
  const orders = data?.orders ?? [];
  const keys = useListKeys({
    count: orders.length,
    onOpen: (i) => {
      if (orders[i]) window.location.hash = caseHref(orders[i].caseId);
    },
    onPage: (delta) => {
      const next = page + delta;
      if (next < 0 || next >= pages) return false;
      setPage(next);
      return true;
    },
    resetKey: `${filterKey}#${page}`,
    rowsKey: orders.map((o) => o.id).join(','),
  });
  const { data: warn } = useLoad(() => kaiji.moneyOrders.ledger({ lapsing: true, limit: 1 }), `warn#${version}`);
  const { data: months } = useLoad(() => kaiji.moneyOrders.monthlyTotals({}), `months#${version}`);

  return (
    <Stack data-testid="money-orders-page" gap="lg">
      <PageHeader title={t('moneyOrders.title')} description={t('moneyOrders.description')}>
        {canExport && (
          <Button leftSection={<IconFileExport size={16} />} onClick={() => setExporting(true)} data-testid="export-open" disabled={!data}>
            {t('moneyOrders.export.open')}
          </Button>
        )}
      </PageHeader>
      {warn && warn.total > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} data-testid="order-warning" role="status">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">{t('moneyOrders.warningBanner', { count: warn.total, days: warn.warningDays })}</Text>
            {!lapsing && (
              <Button size="compact-sm" variant="light" color="orange" onClick={() => setLapsing(true)}>
                {t('moneyOrders.filters.lapsing')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            data-testid="orders-state"
            label={t('moneyOrders.filters.state')}
            value={state}
            onChange={(e) => setState(e.currentTarget.value as MoneyOrderState | '')}
            data={[{ value: '', label: t('moneyOrders.filters.allStates') }, ...MONEY_ORDER_STATES.map((s) => ({ value: s, label: t(`moneyOrders.states.${s}`) }))]}
            w={200}
          />
          <TextInput data-testid="orders-from" type="date" label={t('moneyOrders.filters.from')} value={from} max={to || undefined} onChange={(e) => setFrom(e.currentTarget.value)} w={170} />
          <TextInput data-testid="orders-to" type="date" label={t('moneyOrders.filters.to')} value={to} min={from || undefined} onChange={(e) => setTo(e.currentTarget.value)} w={170} />
          <Checkbox data-testid="orders-lapsing" label={t('moneyOrders.filters.lapsing')} checked={lapsing} onChange={(e) => setLapsing(e.currentTarget.checked)} mb={8} />
        </Group>
      </Paper>
      {data && (
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" data-testid="order-sums">
          {(['total', 'received', 'cashed', 'returned', 'lapsed'] as const).map((k) => (
            <Paper key={k} withBorder radius="md" p="sm" data-key={k} data-value={data.sums[k]}>
              <Text size="xs" c="dimmed" fw={600}>
                {t(`moneyOrders.sums.${k}`)}
              </Text>
              <Text fw={700} fz="lg">
                {t('moneyOrders.yen', { amount: yen(data.sums[k]) })}
              </Text>
              {k === 'total' && (
                <Text size="xs" c="dimmed">
                  {t('moneyOrders.sums.count', { count: data.total })}
                </Text>
              )}
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <Paper withBorder radius="md" p="md">
        {data && data.orders.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="orders-empty">
            {t('moneyOrders.emptyLedger')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" highlightOnHover data-testid="orders-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('moneyOrders.columns.caseNo')}</Table.Th>
                  <Table.Th>{t('moneyOrders.columns.certificateNo')}</Table.Th>
                  <Table.Th ta="right">{t('moneyOrders.columns.faceValue')}</Table.Th>
                  <Table.Th>{t('moneyOrders.columns.receivedOn')}</Table.Th>
                  <Table.Th>{t('moneyOrders.columns.payableUntil')}</Table.Th>
                  <Table.Th>{t('moneyOrders.columns.state')}</Table.Th>
                  <Table.Th>{t('moneyOrders.columns.done')}</Table.Th>
                  {canChange && <Table.Th>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {orders.map((o, i) => (
                  <Table.Tr key={o.id} {...keys.rowProps(i)} tabIndex={-1} bg={i === keys.selected ? 'indigo.0' : undefined} data-testid="orders-row" data-state={o.state} data-lapse={o.lapse}>
                    <Table.Td className="kaiji-nowrap">
                      <Anchor href={caseHref(o.caseId)} ff="monospace" size="sm">
                        {o.caseNo}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ff="monospace" className="kaiji-nowrap">{o.certificateNo}</Table.Td>
                    <Table.Td ta="right" className="kaiji-nowrap">{t('moneyOrders.yen', { amount: yen(o.faceValue) })}</Table.Td>
                    <Table.Td>
                      <Day iso={o.receivedOn} />
                    </Table.Td>
                    <Table.Td>
                      <Day iso={o.payableUntil} />
                    </Table.Td>
                    <Table.Td className="kaiji-nowrap">
                      <OrderBadges order={o} />
                    </Table.Td>
                    <Table.Td>
                      <OrderOutcome order={o} />
                    </Table.Td>
                    {canChange && (
                      <Table.Td>
                        <OrderActions order={o} onChanged={reload} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {data && pages > 1 && (
          <Group justify="center" mt="sm" gap="md">
            <Text size="sm" c="dimmed" data-testid="ledger-range">
              {t('worklists.range', { total: data.total, from: page * PAGE + 1, to: page * PAGE + data.orders.length })}
            </Text>
            <Pagination data-testid="ledger-pagination" total={pages} value={page + 1} onChange={(p) => setPage(p - 1)} size="sm" />
          </Group>
        )}
      </Paper>
      <MonthlyTotals months={months} />
      {exporting && data && <ExportDialog filter={filter} count={data.total} onClose={() => setExporting(false)} />}
    </Stack>
  );
}
