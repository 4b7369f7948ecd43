import { Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/contract';
import { useLang } from '../../i18n';
import { formatTime } from '../../ui/dates';
import { isKnownAction } from './actions';
import { compactSummary, recordLabel } from './summary';

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table data-testid="audit-table" verticalSpacing="xs" fz="sm" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('audit.seq')}</Table.Th>
            <Table.Th w={170}>{t('audit.time')}</Table.Th>
            <Table.Th w={140}>{t('audit.actor')}</Table.Th>
            <Table.Th w={200}>{t('audit.action')}</Table.Th>
            <Table.Th w={150}>{t('audit.record')}</Table.Th>
            <Table.Th>{t('audit.summary')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const summary = compactSummary(entry.summary);
            return (
              <Table.Tr key={entry.seq} data-testid={`audit-row-${entry.seq}`}>
                <Table.Td ff="monospace">{entry.seq}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTime(entry.at, lang)}</Table.Td>
                <Table.Td>{entry.actorName ?? <Text span c="dimmed" size="sm">{t('audit.system')}</Text>}</Table.Td>
                <Table.Td data-action={entry.action}>
                  {isKnownAction(entry.action) ? (
                    <Stack gap={0}>
                      <Text size="sm">{t(`audit.actions.${entry.action}`)}</Text>
                      <Text span ff="monospace" fz={11} c="dimmed">
                        {entry.action}
                      </Text>
                    </Stack>
                  ) : (
                    <Code>{entry.action}</Code>
                  )}
                </Table.Td>
                <Table.Td ff="monospace" fz="xs" title={[entry.recordType, entry.recordId].filter(Boolean).join(':')}>
                  {recordLabel(entry.recordType, entry.recordId) || t('common.none')}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={2} title={summary} style={{ wordBreak: 'break-all' }}>
                    {summary || t('common.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
