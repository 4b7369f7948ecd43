import { Center, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TodayMoneyOrder } from '@shared/contract/today-types';
import { outboundLabels, outboundMethods, type OutboundMethod } from '@shared/domain/mail';
import { kaiji } from '../../api';
import { useLang, type Lang } from '../../i18n';
import { lettersJa } from '../../i18n/sections/letters';
import { formatDay } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { useLoad } from '../../ui/useLoad';
import { GuidanceOwedSection } from '../contacts/GuidanceOwedSection';
import { MonthlyChart } from './MonthlyChart';
import { TodaySection } from './TodaySection';
import { NeedsActionSection } from './NeedsActionSection';
import { TodayRecordsAlerts } from '../records/TodayRecordsAlerts';
import { daysLeftKey } from './urgency';

const yen = new Intl.NumberFormat('ja-JP');

function DaysLeft({ days, t }: { days: number; t: TFunction }) {
  const { key, count } = daysLeftKey(days);
  return (
    <Text span size="sm" fw={600} c={days < 0 ? 'red.7' : days <= 3 ? 'orange.8' : 'dimmed'}>
      {t(key, { count })}
    </Text>
  );
}

/** One money order: certificate number, face value, last payable day (F2) and, when asked, days left. */
function orderLine(o: TodayMoneyOrder, t: TFunction, lang: Lang, withDaysLeft: boolean) {
  return (
    <Group gap={8} wrap="wrap" component="span">
      <Text span size="sm" ff="monospace">
        {o.certificateNo}
      </Text>
      <Text span size="sm">
        {t('today.yen', { amount: yen.format(o.faceValue) })}
      </Text>
      <Text span size="sm" c="dimmed">
        {t('today.payableUntil', { date: formatDay(o.payableUntil, lang) })}
      </Text>
      {withDaysLeft && <DaysLeft days={o.daysLeft} t={t} />}
    </Group>
  );
}

const isOutbound = (m: string): m is OutboundMethod => (outboundMethods as readonly string[]).includes(m);
const templateKey = (id: string) => (id in lettersJa.letters.templates ? (`letters.templates.${id as keyof typeof lettersJa.letters.templates}` as const) : null);

/**
 * 今日: what needs doing now (#5, I5, F2, M2), all from one `today.overview` call. It leads with
 * the cases that need action, one row each with all reasons (#13 item 6); the other lists follow
 * only when they hold something, the empty ones named in one line.
 */
export function TodayPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, failed } = useLoad(() => kaiji.today.overview({}), 'today');

  if (!data) {
    return (
      <Stack data-testid="today-page" data-loading gap="lg">
        <PageHeader title={t('today.title')} />
        <Center py={80}>{failed ? <Text c="dimmed">{t('today.loadFailed')}</Text> : <Loader size="sm" aria-label={t('app.loading')} />}</Center>
      </Stack>
    );
  }

  const s = data.settings;
  // Sections with nothing in them fold into one line under the list of cases (#13 item 6).
  const empty = [
    data.ordersToCash.count === 0 && t('today.sections.ordersToCash'),
    data.deficientWaiting.count === 0 && t('today.sections.deficientWaiting'),
    data.awaitingProof.count === 0 && t('today.sections.awaitingProof'),
    data.lettersToSend.count === 0 && t('today.sections.lettersToSend'),
    data.guidanceOwed.count === 0 && t('contacts.today.title'),
  ].filter((x): x is string => !!x);
  return (
    <Stack data-testid="today-page" data-today={data.today} gap="lg">
      <PageHeader title={t('today.title')} description={t('today.description')}>
        <Text size="sm" c="dimmed" data-testid="today-date">
          {t('today.date', { date: formatDay(data.today, lang) })}
        </Text>
      </PageHeader>
      <TodayRecordsAlerts overview={data} />
      <NeedsActionSection list={data.needsAction} />
      {empty.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="today-empty-line">
          {t('today.emptyLine', { lists: empty.join(t('today.listSeparator')) })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {data.ordersToCash.count > 0 && (
        <TodaySection
          id="ordersToCash"
          title={t('today.sections.ordersToCash')}
          hint={t('today.hints.ordersToCash')}
          list={data.ordersToCash}
          color="blue"
          itemKey={(o) => o.orderId}
          caseOf={(o) => o}
          describe={(o) => orderLine(o, t, lang, false)}
        />
        )}
        {data.deficientWaiting.count > 0 && (
        <TodaySection
          id="deficientWaiting"
          title={t('today.sections.deficientWaiting')}
          hint={t('today.hints.deficientWaiting', { days: s.deficientWaitDays })}
          list={data.deficientWaiting}
          color="grape"
          itemKey={(d) => d.caseId}
          caseOf={(d) => d}
          describe={(d) => (
            <Group gap={8} wrap="wrap" component="span">
              <Text span size="sm" fw={500} c={d.subjectName ? undefined : 'dimmed'}>
                {d.subjectName || t('today.noName')}
              </Text>
              <Text span size="sm" c="dimmed">
                {t('today.since', { date: formatDay(d.since, lang), days: d.daysWaiting })}
              </Text>
            </Group>
          )}
        />
        )}
        {data.awaitingProof.count > 0 && (
        <TodaySection
          id="awaitingProof"
          title={t('today.sections.awaitingProof')}
          hint={t('today.hints.awaitingProof')}
          list={data.awaitingProof}
          color="blue"
          itemKey={(m) => m.mailId}
          caseOf={(m) => m}
          describe={(m) => (
            <Group gap={8} wrap="wrap" component="span">
              <Text span size="sm">
                {isOutbound(m.method) ? outboundLabels[m.method][lang] : m.method}
              </Text>
              {m.trackingNo && (
                <Text span size="sm" ff="monospace">
                  {m.trackingNo}
                </Text>
              )}
              <Text span size="sm" c="dimmed">
                {t('today.sentOn', { date: formatDay(m.sentOn, lang), days: m.daysWaiting })}
              </Text>
            </Group>
          )}
        />
        )}
        {data.lettersToSend.count > 0 && (
        <TodaySection
          id="lettersToSend"
          title={t('today.sections.lettersToSend')}
          hint={t('today.hints.lettersToSend')}
          list={data.lettersToSend}
          color="blue"
          itemKey={(l) => l.letterId}
          caseOf={(l) => l}
          describe={(l) => {
            const key = templateKey(l.template);
            return (
              <Group gap={8} wrap="wrap" component="span">
                <Text span size="sm">
                  {key ? t(key) : l.template}
                </Text>
                <Text span size="sm" c="dimmed">
                  {l.issuedOn ? t('today.issuedOn', { date: formatDay(l.issuedOn, lang) }) : t('today.notIssued')}
                </Text>
              </Group>
            );
          }}
        />
        )}
        {data.guidanceOwed.count > 0 && <GuidanceOwedSection list={data.guidanceOwed} />}
      </SimpleGrid>
      <MonthlyChart chart={data.chart} />
    </Stack>
  );
}
