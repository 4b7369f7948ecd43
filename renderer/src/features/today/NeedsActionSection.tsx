import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TodayActionCase, TodayList, TodayReason } from '@shared/contract/today-types';
import { caseStateLabel } from '@shared/domain/case-state';
import { useLang } from '../../i18n';
import { compactDay, formatDay } from '../../ui/dates';
import { caseHref } from '../shell/routes';
import { TodayFrame } from './TodayFrame';

const REASON_COLORS: Record<TodayReason['code'], string> = {
  overdue: 'red',
  day14_passed: 'red',
  order_lapsed: 'red',
  due_soon: 'orange',
  day14_soon: 'orange',
  order_lapsing: 'orange',
  owed: 'blue',
};

/**
 * Today leads with what needs action (#13 item 6): one row per case with every reason it is
 * here (target, day 14, what it still owes, money orders), so a case is never listed twice.
 */
export function NeedsActionSection({ list }: { list: TodayList<TodayActionCase> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <TodayFrame id="needsAction" lead title={t('today.needsAction.title')} hint={t('today.needsAction.hint')} count={list.count} shown={list.items.length} color="red" empty={t('today.needsAction.none')}>
          <Table verticalSpacing={6} horizontalSpacing="sm" highlightOnHover>
            <Table.Tbody>
              {list.items.map((c) => (
                <Table.Tr key={c.caseId} data-testid="today-needsAction-row" data-case-no={c.caseNo} data-reasons={c.reasons.map((r) => r.code).join(' ')}>
                  <Table.Td style={{ whiteSpace: 'nowrap', width: 1 }}>
                    <Anchor href={caseHref(c.caseId)} ff="monospace" size="sm" aria-label={t('today.openCase', { caseNo: c.caseNo })}>
                      {c.caseNo}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap', width: 1 }}>
                    <Text size="sm" fw={500} c={c.subjectName ? undefined : 'dimmed'}>
                      {c.subjectName || t('today.noName')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {caseStateLabel(c.status)[lang]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="wrap">
                      {c.reasons.map((r) => (
                        <Reason key={r.code} reason={r} />
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
    </TodayFrame>
  );
}

function Reason({ reason }: { reason: TodayReason }) {
  const { t } = useTranslation();
  const lang = useLang();
  // A list row: the day compact, the full era date on hover (#13 item 9).
  const label = t(`today.needsAction.reasons.${reason.code}`, { date: reason.date ? compactDay(reason.date, lang) : '', orders: reason.orders ?? 0 });
  const title = reason.date ? formatDay(reason.date, lang) : undefined;
  if (reason.code === 'owed') {
    return (
      <Text size="sm" component="span" data-testid="today-reason" data-code="owed" title={title}>
        <Badge color={REASON_COLORS.owed} variant="light" radius="sm" mr={6} style={{ overflow: 'visible' }}>
          {label}
        </Badge>
        {(reason.owed ?? []).map((o) => o.label[lang]).join(lang === 'ja' ? '／' : ' / ')}
      </Text>
    );
  }
  return (
    <Badge color={REASON_COLORS[reason.code]} variant="light" radius="sm" data-testid="today-reason" data-code={reason.code} title={title} style={{ overflow: 'visible', textTransform: 'none' }}>
      {label}
    </Badge>
  );
}
