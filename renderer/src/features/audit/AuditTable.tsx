import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/contract';
import { useLang } from '../../i18n';
import { Timestamp } from '../../ui/Timestamp';
import { recordLabel } from './summary';
import { actionWords, recordTypeWords, summaryLine } from './wording';

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
            // Words, not codes (#13 item 7); the code stays in data-action for tests and support.
            const summary = summaryLine(entry, lang);
            return (
              <Table.Tr key={entry.seq} data-testid={`audit-row-${entry.seq}`}>
                <Table.Td ff="monospace">{entry.seq}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Timestamp at={entry.at} />
                </Table.Td>
                <Table.Td>{entry.actorName ?? <Text span c="dimmed" size="sm">{t('audit.system')}</Text>}</Table.Td>
                <Table.Td data-action={entry.action}>
                  <Text size="sm">{actionWords(entry.action, lang)}</Text>
                </Table.Td>
                <Table.Td fz="xs" title={[entry.recordType, entry.recordId].filter(Boolean).join(':')}>
                  {recordLabel(entry.recordType, entry.recordId, (type) => recordTypeWords(type, lang)) || t('common.none')}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={3} title={summary} style={{ wordBreak: 'break-word' }}>
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
