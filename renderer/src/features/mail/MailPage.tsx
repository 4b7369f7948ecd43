import { Anchor, Badge, Checkbox, Group, Pagination, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { MailLogEntry } from '@shared/contract/mail-types';
import { deliveryLabels, outboundLabels } from '@shared/domain/mail';
import { formatTrackingNumber } from '@shared/domain/tracking-number';
import { allows } from '@shared/roles';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { compactDay, formatDay } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { useListKeys } from '../../ui/useListKeys';
import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';
import { caseHref } from '../shell/routes';
import { MailActions } from './MailActions';
import { Day } from '../../ui/Timestamp';

type Direction = 'all' | 'inbound' | 'outbound';

const MAIL_PAGE_SIZE = 50;

/** 書留郵便 `#/mail`: inbound envelopes and outbound letters in one list (M1, M2). */
export function MailPage() {
  const { t } = useTranslation();
  const { status } = useVault();
  const canChange = allows(contract['mail.recordDelivery'].access, status.user?.role);
  const [direction, setDirection] = useState<Direction>('all');
  const [awaitingProof, setAwaitingProof] = useState(false);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // #13 item 1: pages of the whole log, counted as shown.
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [direction, awaitingProof]);
  const { data: result } = useLoad(
    () => kaiji.mail.list({ direction, awaitingProof, limit: MAIL_PAGE_SIZE, offset: page * MAIL_PAGE_SIZE }),
    `${direction}#${awaitingProof}#${page}#${version}`,
  );
  const data = result?.entries;
  const total = result?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / MAIL_PAGE_SIZE));
  // j/k, Enter (opens the entry's first case), ] [ (ui/list-shortcuts.ts).
  const entries = data ?? [];
  const keys = useListKeys({
    count: entries.length,
    onOpen: (i) => {
      const e = entries[i];
      const caseId = e ? (e.direction === 'inbound' ? e.caseIds[0] : e.caseId) : undefined;
      if (caseId) window.location.hash = caseHref(caseId);
    },
    onPage: (delta) => {
      const next = page + delta;
      if (next < 0 || next >= pages) return false;
      setPage(next);
      return true;
    },
    resetKey: `${direction}#${awaitingProof}#${page}`,
    rowsKey: entries.map((e) => `${e.direction}:${e.id}`).join(','),
  });

  return (
    <Stack data-testid="mail-page" gap="lg">
      <PageHeader title={t('mailLog.title')} description={t('mailLog.description')}>
        {result && total > 0 && (
          <Text size="sm" c="dimmed" data-testid="mail-range">
            {t('worklists.range', { total, from: page * MAIL_PAGE_SIZE + 1, to: page * MAIL_PAGE_SIZE + (data?.length ?? 0) })}
          </Text>
        )}
      </PageHeader>
      <Paper withBorder radius="md" p="md">
        <Group gap="lg" align="center" wrap="wrap">
          <SegmentedControl
            data-testid="mail-direction"
            aria-label={t('mailLog.direction')}
            value={direction}
            onChange={(v) => setDirection(v as Direction)}
            data={(['all', 'inbound', 'outbound'] as const).map((d) => ({ value: d, label: t(`mailLog.directions.${d}`) }))}
          />
          <Checkbox data-testid="mail-awaiting" label={t('mailLog.awaitingProof')} checked={awaitingProof} onChange={(e) => setAwaitingProof(e.currentTarget.checked)} />
        </Group>
      </Paper>
      <Paper withBorder radius="md" p="md">
        {data && data.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="mail-empty">
            {t('mailLog.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="xs" highlightOnHover data-testid="mail-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('mailLog.columns.date')}</Table.Th>
                  <Table.Th>{t('mailLog.columns.direction')}</Table.Th>
                  <Table.Th>{t('mailLog.columns.method')}</Table.Th>
                  <Table.Th>{t('mailLog.columns.trackingNumber')}</Table.Th>
                  <Table.Th>{t('mailLog.columns.cases')}</Table.Th>
                  <Table.Th>{t('mailLog.columns.status')}</Table.Th>
                  {canChange && <Table.Th>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e, i) => (
                  <MailRow key={`${e.direction}:${e.id}`} entry={e} canChange={canChange} onChanged={reload} rowProps={keys.rowProps(i)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {pages > 1 && (
          <Group justify="center" mt="md">
            <Pagination data-testid="mail-pagination" total={pages} value={page + 1} onChange={(p) => setPage(p - 1)} size="sm" />
          </Group>
        )}
      </Paper>
    </Stack>
  );
}

function MailRow({ entry: e, canChange, onChanged, rowProps }: { entry: MailLogEntry; canChange: boolean; onChanged: () => void; rowProps: ReturnType<ReturnType<typeof useListKeys>['rowProps']> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const date = e.direction === 'inbound' ? e.date : e.sentOn;
  const method = e.direction === 'inbound' ? deliveryLabels[e.method][lang] : outboundLabels[e.method][lang];
  const cases = e.direction === 'inbound' ? e.caseIds.map((id, i) => ({ id, no: e.caseNos[i]! })) : [{ id: e.caseId, no: e.caseNo }];
  return (
    <Table.Tr {...rowProps} tabIndex={-1} bg={rowProps['aria-selected'] ? 'indigo.0' : undefined} data-testid="mail-row" data-direction={e.direction} data-awaiting={e.direction === 'outbound' && e.awaitingProof ? 'true' : undefined}>
      <Table.Td>
        <Day iso={date} />
      </Table.Td>
      <Table.Td>
        <Badge variant="light" radius="sm" tt="none" color={e.direction === 'inbound' ? 'indigo' : 'grape'}>
          {t(`mailLog.directions.${e.direction}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{method}</Text>
        {e.direction === 'outbound' && e.proofRequested && (
          <Text size="xs" c="dimmed">
            + {t('mailLog.proof')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {e.trackingNumber ? (
          <Text size="sm" ff="monospace" c={e.trackingStatus === 'overridden' ? 'orange.9' : undefined} title={e.trackingStatus === 'overridden' ? t('mailLog.overridden') : undefined}>
            {formatTrackingNumber(e.trackingNumber)}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('mailLog.noTracking')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="wrap">
          {cases.map((c) => (
            <Anchor key={c.id} href={caseHref(c.id)} ff="monospace" size="sm">
              {c.no}
            </Anchor>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        {e.direction === 'inbound' ? (
          <Text size="sm">{t('mailLog.status.received')}</Text>
        ) : (
          <Stack gap={2}>
            {e.returnedOn ? (
              <Text size="sm" c="red.8" title={formatDay(e.returnedOn, lang)}>
                {t('mailLog.status.returned', { date: compactDay(e.returnedOn, lang) })}
              </Text>
            ) : (
              <Text size="sm" title={e.deliveredOn ? formatDay(e.deliveredOn, lang) : undefined}>
                {e.deliveredOn ? t('mailLog.status.delivered', { date: compactDay(e.deliveredOn, lang) }) : t('mailLog.status.sent')}
              </Text>
            )}
            {e.proofReceivedOn && (
              <Text size="sm" title={formatDay(e.proofReceivedOn, lang)}>
                {t('mailLog.status.proof', { date: compactDay(e.proofReceivedOn, lang) })}
              </Text>
            )}
            <Group gap={4}>
              {e.awaitingProof && (
                <Badge size="sm" color="orange" variant="outline" radius="sm" tt="none" data-testid="mail-awaiting-badge">
                  {t('mailLog.awaitingBadge')}
                </Badge>
              )}
              {e.closesCase && (
                <Badge size="sm" color="gray" variant="light" radius="sm" tt="none">
                  {t('mailLog.status.closesCase')}
                </Badge>
              )}
            </Group>
          </Stack>
        )}
      </Table.Td>
      {canChange && <Table.Td>{e.direction === 'outbound' && <MailActions item={e} onChanged={onChanged} />}</Table.Td>}
    </Table.Tr>
  );
}
