import { Badge, Box, Center, Group, Loader, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { formatDay } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { useLoad } from '../../ui/useLoad';
import { caseHref } from '../shell/routes';
import { CaseSortToggle, CaseUrgencyBadge, type CaseSort } from '../today/CaseUrgencyBadge';
import { CasesEmpty } from './CasesEmpty';
import { TextSearchBox, TextSearchResults } from './TextSearch';
import { isCaseStatus, statusColors } from './status';

/** Home page: searchable list of disclosure cases. */
export function CasesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [query, setQuery] = useState('');
  const [textQuery, setTextQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const [sort, setSort] = useState<CaseSort>('urgency');
  const { data, failed } = useLoad(
    () => kaiji.cases.list(debounced ? { query: debounced } : { sort }),
    `${debounced}#${sort}`,
  );

  const cases = data?.cases ?? [];
  const open = (id: string) => {
    window.location.hash = caseHref(id);
  };
  return (
    <Stack data-testid="cases-page" gap="lg">
      <PageHeader title={t('cases.title')}>
        {data && data.total > 0 && (
          <Text size="sm" c="dimmed">
            {t('cases.total', { count: data.total })}
          </Text>
        )}
      </PageHeader>
      <Paper withBorder radius="md" p="md">
        <Group mb="md">
          <TextInput
            data-testid="cases-search"
            data-kaiji-search
            placeholder={t('cases.search')}
            aria-label={t('cases.search')}
            leftSection={<IconSearch size={16} stroke={1.6} />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            maxLength={100}
            w="100%"
            maw={420}
          />
          <TextSearchBox value={textQuery} onChange={setTextQuery} />
          {!debounced && <CaseSortToggle value={sort} onChange={setSort} />}
        </Group>
        {textQuery.trim() && (
          <Box mb="md">
            <TextSearchResults query={textQuery} />
          </Box>
        )}
        {!data && !failed ? (
          <Center py="xl">
            <Loader size="sm" aria-label={t('app.loading')} />
          </Center>
        ) : cases.length === 0 ? (
          <CasesEmpty query={debounced} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="cases-table" highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cases.caseNo')}</Table.Th>
                  <Table.Th>{t('cases.received')}</Table.Th>
                  <Table.Th>{t('cases.status')}</Table.Th>
                  <Table.Th>{t('deadline.column')}</Table.Th>
                  <Table.Th>{t('cases.subject')}</Table.Th>
                  <Table.Th>{t('cases.kana')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cases.map((c) => (
                  <Table.Tr
                    key={c.id}
                    data-testid={`case-row-${c.caseNo}`}
                    className="kaiji-row-link"
                    tabIndex={0}
                    role="link"
                    aria-label={t('cases.open', { caseNo: c.caseNo })}
                    onClick={() => open(c.id)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        open(c.id);
                      }
                    }}
                  >
                    <Table.Td ff="monospace">{c.caseNo}</Table.Td>
                    <Table.Td>{formatDay(c.receivedOn, lang)}</Table.Td>
                    <Table.Td>
                      <Badge
                        data-status={c.status}
                        variant="light"
                        color={isCaseStatus(c.status) ? statusColors[c.status] : 'gray'}
                        radius="sm"
                        tt="none"
                      >
                        {isCaseStatus(c.status) ? t(`cases.statuses.${c.status}`) : c.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <CaseUrgencyBadge deadline={c.deadline} />
                    </Table.Td>
                    <Table.Td>
                      {c.subjectName ? (
                        <Text size="sm" fw={500}>
                          {c.subjectName}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed" data-empty="true">
                          {t('cases.notEntered')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td c="dimmed">{c.subjectKana}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
