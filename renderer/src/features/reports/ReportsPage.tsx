import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_GROUNDS, DECISION_GROUND_LABELS, DECISION_OUTCOMES, DECISION_OUTCOME_LABELS } from '@shared/domain/decisions';
import { REQUEST_KINDS } from '@shared/domain/page-kind';
import type { ReportFigures } from '@shared/domain/reports';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { downloadFile } from '../../ui/files';
import { PageHeader } from '../../ui/PageHeader';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';

const KIND_COLORS = ['indigo.6', 'cyan.6', 'teal.6', 'orange.6', 'grape.6', 'blue.4'];

/** 集計 `#/reports`: the year's figures by month, two charts, XLSX and PDF export (#15 item 4). */
export function ReportsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const { data } = useLoad(() => kaiji.reports.year({ year }), String(year));
  const { run, loading } = useCall();
  const month = (f: ReportFigures) => (f.period.length === 4 ? t('reports.total') : lang === 'ja' ? `${Number(f.period.slice(5))}月` : f.period);
  const none = (n: number | null) => (n === null ? t('reports.none') : String(n));
  const exportAs = async (format: 'xlsx' | 'pdf') => {
    const r = await run(() => (format === 'xlsx' ? kaiji.reports.exportXlsx({ year }) : kaiji.reports.exportPdf({ year })));
    if (r.ok) downloadFile({ ...r.value, mimeType: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  };

  return (
    <Stack data-testid="reports-page" gap="lg">
      <PageHeader title={t('reports.title')} description={t('reports.description')}>
        <Group gap="sm">
          <Select
            data-testid="reports-year"
            aria-label={t('reports.year')}
            w={120}
            value={String(year)}
            allowDeselect={false}
            onChange={(v) => v && setYear(Number(v))}
            data={Array.from({ length: 6 }, (_, i) => String(thisYear - i))}
          />
          <Button variant="light" data-testid="reports-xlsx" loading={loading} onClick={() => void exportAs('xlsx')}>
            {t('reports.exportXlsx')}
          </Button>
          <Button variant="light" data-testid="reports-pdf" loading={loading} onClick={() => void exportAs('pdf')}>
            {t('reports.exportPdf')}
          </Button>
        </Group>
      </PageHeader>
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Paper withBorder radius="md" p="md" data-testid="reports-chart-kinds" data-total={data.total.received}>
              <Title order={4} fz="md" mb="sm">
                {t('reports.chartTitle')}
              </Title>
              <BarChart
                h={220}
                data={data.months.map((m) => ({ label: month(m), ...m.byKind }))}
                dataKey="label"
                type="stacked"
                series={REQUEST_KINDS.map((k, i) => ({ name: k, color: KIND_COLORS[i]! }))}
                withLegend
                legendProps={{ verticalAlign: 'bottom' }}
                yAxisProps={{ allowDecimals: false }}
              />
            </Paper>
            <Paper withBorder radius="md" p="md" data-testid="reports-chart-days">
              <Title order={4} fz="md" mb="sm">
                {t('reports.daysChartTitle')}
              </Title>
              <LineChart
                h={220}
                data={data.months.map((m) => ({ label: month(m), median: m.daysMedian, p90: m.daysP90 }))}
                dataKey="label"
                series={[
                  { name: 'median', label: t('reports.median'), color: 'indigo.6' },
                  { name: 'p90', label: t('reports.p90'), color: 'orange.6' },
                ]}
                withLegend
                legendProps={{ verticalAlign: 'bottom' }}
                connectNulls={false}
              />
            </Paper>
          </SimpleGrid>
          <Paper withBorder radius="md" p="md">
            <Table.ScrollContainer minWidth={1000}>
              <Table verticalSpacing={4} data-testid="reports-table" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.columns.month')}</Table.Th>
                    <Table.Th>{t('reports.columns.received')}</Table.Th>
                    {REQUEST_KINDS.map((k) => (
                      <Table.Th key={k}>{k}</Table.Th>
                    ))}
                    <Table.Th>{t('reports.columns.answered')}</Table.Th>
                    <Table.Th>{t('reports.columns.median')}</Table.Th>
                    <Table.Th>{t('reports.columns.p90')}</Table.Th>
                    <Table.Th>{t('reports.columns.overTarget')}</Table.Th>
                    <Table.Th>{t('reports.columns.pastDay14')}</Table.Th>
                    <Table.Th>{t('reports.columns.deficiencyRate')}</Table.Th>
                    <Table.Th>{t('reports.columns.feesReceived')}</Table.Th>
                    <Table.Th>{t('reports.columns.feesCashed')}</Table.Th>
                    <Table.Th>{t('reports.columns.feesReturned')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...data.months, data.total].map((f) => (
                    <Table.Tr key={f.period} data-testid={`reports-row-${f.period}`} fw={f === data.total ? 700 : undefined}>
                      <Table.Td>{month(f)}</Table.Td>
                      <Table.Td data-testid="reports-received">{f.received}</Table.Td>
                      {REQUEST_KINDS.map((k) => (
                        <Table.Td key={k}>{f.byKind[k]}</Table.Td>
                      ))}
                      <Table.Td>{f.answered}</Table.Td>
                      <Table.Td>{none(f.daysMedian)}</Table.Td>
                      <Table.Td>{none(f.daysP90)}</Table.Td>
                      <Table.Td>{f.overTarget}</Table.Td>
                      <Table.Td>{f.pastDay14}</Table.Td>
                      <Table.Td>{`${(Math.round(f.deficiencyRate * 1000) / 10).toFixed(1)}%`}</Table.Td>
                      <Table.Td>{f.fees.received.yen.toLocaleString()}</Table.Td>
                      <Table.Td>{f.fees.cashed.yen.toLocaleString()}</Table.Td>
                      <Table.Td>{f.fees.returned.yen.toLocaleString()}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder radius="md" p="md" data-testid="reports-outcomes">
              <Text fw={600} mb="xs">
                {t('reports.outcomes')}
              </Text>
              <Group gap="xs">
                {DECISION_OUTCOMES.map((o) => (
                  <Badge key={o} variant="light" tt="none">
                    {DECISION_OUTCOME_LABELS[o][lang]}: {data.total.byOutcome[o]}
                  </Badge>
                ))}
              </Group>
            </Paper>
            <Paper withBorder radius="md" p="md" data-testid="reports-grounds">
              <Text fw={600} mb="xs">
                {t('reports.grounds')}
              </Text>
              <Group gap="xs">
                {DECISION_GROUNDS.map((g) => (
                  <Badge key={g} variant="light" color="gray" tt="none">
                    {DECISION_GROUND_LABELS[g][lang]}: {data.total.byGround[g]}
                  </Badge>
                ))}
              </Group>
            </Paper>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
