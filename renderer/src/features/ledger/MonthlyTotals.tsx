import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MoneyOrderMonth } from '@shared/contract/ledger-types';
import { useLang } from '../../i18n';
import { formatMonth } from '../../ui/dates';
import { yen } from './format';

/** Received / cashed / returned / lapsed per month, as the accounts department books them. */
export function MonthlyTotals({ months }: { months: MoneyOrderMonth[] | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Paper withBorder radius="md" p="md" data-testid="order-monthly">
      <Stack gap="sm">
        <Title order={4}>{t('moneyOrders.monthly.title')}</Title>
        {months && months.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('moneyOrders.monthly.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={4} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('moneyOrders.monthly.month')}</Table.Th>
                  {(['received', 'cashed', 'returned', 'lapsed'] as const).map((k) => (
                    <Table.Th key={k} ta="right">
                      {t(`moneyOrders.monthly.${k}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(months ?? [])
                  .slice()
                  .reverse()
                  .map((m) => (
                    <Table.Tr key={m.month} data-testid="order-month" data-month={m.month}>
                      <Table.Td className="kaiji-nowrap">{formatMonth(m.month, lang)}</Table.Td>
                      {(['received', 'cashed', 'returned', 'lapsed'] as const).map((k) => (
                        <Table.Td key={k} ta="right" data-key={k}>
                          {m[`${k}Count`] > 0 ? `${t('moneyOrders.yen', { amount: yen(m[k]) })}（${m[`${k}Count`]}）` : t('common.none')}
                        </Table.Td>
                      ))}
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
