import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { contractSchema } from '../../ui/contractForm';

import { downloadFile } from '../../ui/files';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';
import { ExportDialog } from '../ledger/ExportDialog';
import { Timestamp } from '../../ui/Timestamp';

/** The disposal register (no personal data), each batch's printable 廃棄記録, and the case register export (#15 item 5). */
export function DisposalRegisterPanel() {
  const { t } = useTranslation();
  const { run } = useCall();
  const { data } = useLoad(() => kaiji.retention.register({}), 'register');
  const [exporting, setExporting] = useState(false);
  const batches = [...new Set((data?.entries ?? []).map((e) => e.batchId))];

  return (
    <Stack gap="md" maw={1000}>
      <Group justify="space-between">
        <Text fw={600}>{t('records.register.title')}</Text>
        <Button variant="default" onClick={() => setExporting(true)} data-testid="register-export">
          {t('records.register.exportRegister')}
        </Button>
      </Group>
      {(data?.entries ?? []).length === 0 ? (
        <Text c="dimmed">{t('records.register.empty')}</Text>
      ) : (
        batches.map((batchId) => {
          const entries = data!.entries.filter((e) => e.batchId === batchId);
          return (
            <Stack key={batchId} gap={4}>
              <Group justify="space-between">
                <Text size="sm">
                  <Timestamp at={entries[0]!.disposedAt} /> · {entries[0]!.disposedByName} · {entries[0]!.reason}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => void run(() => kaiji.retention.recordPdf({ batchId })).then((r) => r.ok && downloadFile({ ...r.value, mimeType: 'application/pdf' }))}
                >
                  {t('records.register.pdf')}
                </Button>
              </Group>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('records.register.columns.caseNo')}</Table.Th>
                    <Table.Th>{t('records.register.columns.classes')}</Table.Th>
                    <Table.Th>{t('records.register.columns.rule')}</Table.Th>
                    <Table.Th>{t('records.register.columns.pages')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>{e.caseNo}</Table.Td>
                      <Table.Td>{e.classes.map((c) => t(`records.classes.${c}`)).join('、')}</Table.Td>
                      <Table.Td>{e.rule}</Table.Td>
                      <Table.Td>{e.pagesErased}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          );
        })
      )}
      {exporting && (
        <ExportDialog
          count={0}
          title={t('records.register.exportTitle')}
          scope={t('records.register.exportScope')}
          exporter={(request) => kaiji.cases.exportRegister(request)}
          schema={contractSchema('cases.exportRegister')}
          onClose={() => setExporting(false)}
        />
      )}
    </Stack>
  );
}
