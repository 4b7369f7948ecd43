import { Button, Center, Group, Pagination, Paper, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '@shared/contract';
import { kaiji } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';
import { AuditFilters, emptyFilter, type AuditFilter } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerifyResult } from './VerifyResult';
import { codesForText } from './wording';

const PAGE_SIZE = 50;

/** Server-side paging; the text also matches the words shown for codes (codesForText). */
const query = (filter: AuditFilter, page: number) => ({
  ...(filter.action.trim() ? { action: filter.action.trim() } : {}),
  ...(filter.actorId ? { actorId: filter.actorId } : {}),
  ...(filter.text.trim() ? { text: filter.text.trim(), codes: codesForText(filter.text) } : {}),
  ...(filter.from ? { from: filter.from } : {}),
  ...(filter.to ? { to: filter.to } : {}),
  limit: PAGE_SIZE,
  offset: (page - 1) * PAGE_SIZE,
});

/** Administrators and auditors: the hash-chained record of every action. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>(emptyFilter);
  const [page, setPage] = useState(1);
  const input = query(filter, page);
  const { data } = useLoad(() => kaiji.audit.list(input), JSON.stringify(input));
  const { data: actors } = useLoad(() => kaiji.audit.actors({}), 'actors');
  const verify = useCall();
  const [verification, setVerification] = useState<AuditVerification | null>(null);

  const runVerify = async () => {
    const result = await verify.run(() => kaiji.audit.verify({}));
    if (result.ok) setVerification(result.value);
  };

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <Stack data-testid="audit-page" gap="lg">
      <PageHeader title={t('audit.title')} description={t('audit.intro')}>
        <Button
          data-testid="audit-verify"
          variant="light"
          leftSection={<IconShieldCheck size={18} />}
          loading={verify.loading}
          onClick={() => void runVerify()}
        >
          {t('audit.verify')}
        </Button>
      </PageHeader>
      {verification && <VerifyResult result={verification} />}
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <AuditFilters
            actors={actors ?? []}
            onApply={(next) => {
              setFilter(next);
              setPage(1);
            }}
          />
          {data && data.entries.length === 0 ? (
            <Center py="xl">
              <Text c="dimmed" size="sm">
                {t('audit.empty')}
              </Text>
            </Center>
          ) : (
            <AuditTable entries={data?.entries ?? []} />
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {data ? t('audit.total', { count: data.total }) : ''}
            </Text>
            {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
