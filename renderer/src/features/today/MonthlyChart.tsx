import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartKind, MonthCounts } from '@shared/contract/today-types';
import { useLang } from '../../i18n';

const KIND_COLORS: Record<ChartKind, string> = {
  K1: 'indigo.6',
  K2: 'cyan.6',
  K3: 'teal.6',
  K4: 'orange.6',
  K5: 'grape.6',
  K6: 'blue.4',
  none: 'gray.4',
};
const KINDS = Object.keys(KIND_COLORS) as ChartKind[];

/** `2026-11` as 11月 (ja) or Nov 26 (en). */
function monthLabel(month: string, lang: 'ja' | 'en'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (lang === 'ja') return `${m}月`;
  return `${new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${String(y).slice(2)}`;
}

/** Requests received or closed per month over the last 12 months, stacked by kind (K1-K6). */
export function MonthlyChart({ chart }: { chart: { received: MonthCounts[]; closed: MonthCounts[] } }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [which, setWhich] = useState<'received' | 'closed'>('received');
  const data = chart[which].map((row) => ({ ...row, label: monthLabel(row.month, lang) }));
  const used = KINDS.filter((k) => chart.received.some((r) => r[k] > 0) || chart.closed.some((r) => r[k] > 0));
  const series = (used.length ? used : KINDS.slice(0, 1)).map((k) => ({ name: k, label: t(`today.chart.kinds.${k}`), color: KIND_COLORS[k] }));
  const total = chart[which].reduce((sum, r) => sum + KINDS.reduce((s, k) => s + r[k], 0), 0);
  return (
    <Paper withBorder radius="md" p="md" data-testid="today-chart" data-which={which} data-total={total} component="section" aria-labelledby="today-chart-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={4} fz="md" id="today-chart-title">
            {t('today.chart.title')}
          </Title>
          <SegmentedControl
            size="xs"
            aria-label={t('today.chart.label')}
            value={which}
            onChange={(v) => setWhich(v as 'received' | 'closed')}
            data={[
              { value: 'received', label: t('today.chart.received') },
              { value: 'closed', label: t('today.chart.closed') },
            ]}
            data-testid="today-chart-toggle"
          />
        </Group>
        <BarChart h={220} data={data} dataKey="label" type="stacked" series={series} withLegend legendProps={{ verticalAlign: 'bottom' }} tickLine="y" yAxisProps={{ allowDecimals: false }} />
        <Text size="xs" c="dimmed">
          {t('today.chart.hint')}
        </Text>
      </Stack>
    </Paper>
  );
}
