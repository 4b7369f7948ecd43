import { Badge, Box, Center, Group, Loader, Pagination, Paper, SegmentedControl, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DIRECTION, MY_CASES_FILTER } from '@shared/domain/case-list';
import { kaiji } from '../../api';

import { PageHeader } from '../../ui/PageHeader';
import { useListKeys } from '../../ui/useListKeys';
import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';
import { caseHref } from '../shell/routes';
import { CaseUrgencyBadge } from '../today/CaseUrgencyBadge';
import { CaseFilters, type ListView } from './CaseFilters';
import { CasesEmpty } from './CasesEmpty';
import { TextSearchBox, TextSearchResults } from './TextSearch';
import { isCaseStatus, statusColors } from './status';
import { Day } from '../../ui/Timestamp';

export const CASES_PAGE_SIZE = 50;

const wantsMine = () => /^#\/?cases\?(.*&)?mine(&|=|$)/.test(window.location.hash);
const MY_VIEW: ListView = { filter: MY_CASES_FILTER, sort: 'urgency', dir: DEFAULT_DIRECTION.urgency };
const ALL_VIEW: ListView = { filter: {}, sort: 'urgency', dir: DEFAULT_DIRECTION.urgency };
const isMine = (v: ListView) => JSON.stringify(v.filter) === JSON.stringify(MY_CASES_FILTER);

/**
 * The case list (#13 item 1): paged on the server (50 a page, any number of cases), filtered,
 * sorted, with saved filters; the count is the whole filtered set. j/k, Enter and [ ] work
 * without the mouse (ui/list-shortcuts.ts).
 */
export function CasesPage() {
  const { t } = useTranslation();
  const { status } = useVault();
  const role = status.user?.role;
  const canBeInCharge = role === 'administrator' || role === 'clerk';
  const [query, setQuery] = useState('');
  const [textQuery, setTextQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const [view, setView] = useState<ListView>(() => (wantsMine() && canBeInCharge ? MY_VIEW : ALL_VIEW));
  const [page, setPage] = useState(0);
  const input = { ...(debounced ? { query: debounced } : {}), filter: view.filter, sort: view.sort, dir: view.dir, limit: CASES_PAGE_SIZE, offset: page * CASES_PAGE_SIZE };
  const inputKey = JSON.stringify(input);
  const { data, failed } = useLoad(() => kaiji.cases.list(input), inputKey);

  // The menu's 案件 link (#/cases) and the home link (#/cases?mine) switch the view while the page stays.
  useEffect(() => {
    const follow = () => {
      if (/^#\/?cases\/?(\?|$)/.test(window.location.hash)) setView(wantsMine() && canBeInCharge ? MY_VIEW : ALL_VIEW);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [canBeInCharge]);

  // A new search, filter or sort starts at the first page.
  const viewKey = JSON.stringify([debounced, view]);
  useEffect(() => setPage(0), [viewKey]);

  const cases = data?.cases ?? [];
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / CASES_PAGE_SIZE));
  const open = (id: string) => {
    window.location.hash = caseHref(id);
  };
  const turn = (delta: 1 | -1) => {
    const next = page + delta;
    if (next < 0 || next >= pages) return false;
    setPage(next);
    return true;
  };
  const keys = useListKeys({ count: cases.length, onOpen: (i) => cases[i] && open(cases[i].id), onPage: turn, resetKey: `${viewKey}#${page}`, rowsKey: cases.map((c) => c.id).join(',') });
  const selectedCase = keys.selected >= 0 ? cases[keys.selected] : undefined;
  const mine = isMine(view);

  return (
    <Stack data-testid="cases-page" data-view={mine ? 'mine' : 'all'} gap="md">
      <PageHeader title={mine ? t('worklists.myCases') : t('cases.title')} description={mine ? t('worklists.myCasesIntro') : undefined}>
        {data && total > 0 && (
          <Text size="sm" c="dimmed" data-testid="cases-range">
            {t('worklists.range', { total, from: page * CASES_PAGE_SIZE + 1, to: page * CASES_PAGE_SIZE + cases.length })}
          </Text>
        )}
      </PageHeader>
      <Paper withBorder radius="md" p="md">
        <Group mb="sm" gap="sm" wrap="wrap">
          {canBeInCharge && (
            <SegmentedControl
              data-testid="cases-scope"
              size="xs"
              value={mine ? 'mine' : 'all'}
              onChange={(v) => setView(v === 'mine' ? MY_VIEW : ALL_VIEW)}
              data={[
                { value: 'mine', label: t('worklists.myCases') },
                { value: 'all', label: t('worklists.allCases') },
              ]}
            />
          )}
          <TextInput
            data-testid="cases-search"
            data-kaiji-search
            placeholder={t('cases.search')}
            aria-label={t('cases.search')}
            leftSection={<IconSearch size={16} stroke={1.6} />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            maxLength={100}
            w={300}
            size="xs"
          />
          <TextSearchBox value={textQuery} onChange={setTextQuery} />
        </Group>
        <Box mb="sm">
          <CaseFilters view={view} onChange={setView} canAct={canBeInCharge} />
        </Box>
        {textQuery.trim() && (
          <Box mb="md">
            <TextSearchResults query={textQuery} />
          </Box>
        )}
        <VisuallyHidden aria-live="polite" data-testid="cases-announce">
          {selectedCase ? t('worklists.selected', { caseNo: selectedCase.caseNo, index: keys.selected + 1, count: cases.length }) : ''}
        </VisuallyHidden>
        {!data && !failed ? (
          <Center py="xl">
            <Loader size="sm" aria-label={t('app.loading')} />
          </Center>
        ) : cases.length === 0 ? (
          <CasesEmpty query={debounced} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="cases-table" highlightOnHover verticalSpacing={6} role="grid" aria-rowcount={total}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cases.caseNo')}</Table.Th>
                  <Table.Th>{t('cases.received')}</Table.Th>
                  <Table.Th>{t('cases.status')}</Table.Th>
                  <Table.Th>{t('deadline.column')}</Table.Th>
                  <Table.Th>{t('cases.subject')}</Table.Th>
                  <Table.Th>{t('cases.kana')}</Table.Th>
                  <Table.Th>{t('worklists.inCharge')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cases.map((c, i) => (
                  <Table.Tr
                    key={c.id}
                    {...keys.rowProps(i)}
                    data-testid={`case-row-${c.caseNo}`}
                    className="kaiji-row-link"
                    tabIndex={0}
                    aria-rowindex={page * CASES_PAGE_SIZE + i + 1}
                    aria-label={t('cases.open', { caseNo: c.caseNo })}
                    bg={i === keys.selected ? 'indigo.0' : undefined}
                    onClick={() => open(c.id)}
                    onKeyDown={(e) => {
                      if (e.key === ' ') {
                        e.preventDefault();
                        open(c.id);
                      }
                    }}
                  >
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {c.caseNo}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Day iso={c.receivedOn} />
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        data-status={c.status}
                        variant="light"
                        color={isCaseStatus(c.status) ? statusColors[c.status] : 'gray'}
                        radius="sm"
                        tt="none"
                        style={{ overflow: 'visible' }}
                        maw="none"
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
                    <Table.Td data-testid="case-assignee">
                      {c.assigneeName ? (
                        <Text size="sm">{c.assigneeName}</Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('worklists.noneAssigned')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {pages > 1 && (
          <Group justify="center" mt="md">
            <Pagination
              data-testid="cases-pagination"
              total={pages}
              value={page + 1}
              onChange={(p) => setPage(p - 1)}
              size="sm"
              getControlProps={(control) => ({ 'aria-label': control === 'next' ? t('worklists.nextPage') : control === 'previous' ? t('worklists.prevPage') : undefined })}
              getItemProps={(p) => ({ 'aria-label': `${t('worklists.pages')} ${p}`, 'data-testid': `cases-page-${p}` })}
            />
          </Group>
        )}
      </Paper>
    </Stack>
  );
}
