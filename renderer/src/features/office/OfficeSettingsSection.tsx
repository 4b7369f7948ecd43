import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { kaiji } from '../../api';
import { useLoad } from '../../ui/useLoad';

/**
 * #16 item 2 (Settings, administrators): which database this desk is on. On an office database:
 * host, database, user, TLS, the server's version and the schema's; never the password (the
 * service has none to give). Switching is done while locked, on the unlock screen.
 */
export function OfficeSettingsSection() {
  const { t } = useTranslation();
  const { data } = useLoad(() => kaiji.office.info({}), 'office-info');
  if (!data) return null;
  const c = data.connection;
  const rows: [string, string, string][] = c
    ? [
        ['host', t('officeDesk.fields.host'), `${c.host}:${c.port}`],
        ['database', t('officeDesk.fields.database'), c.database],
        ['user', t('officeDesk.fields.user'), c.user],
        ['tls', t('officeDesk.fields.tls'), c.tls ? t('officeDesk.tlsOn') : t('officeDesk.tlsOff')],
        ['server', t('officeDesk.fields.server'), data.serverVersion ? `PostgreSQL ${data.serverVersion}` : t('common.none')],
        ['schema', t('officeDesk.fields.schema'), t('officeDesk.schemaOf', { found: data.schemaVersion ?? '—', supported: data.supportedSchemaVersion })],
        ['source', t('officeDesk.fields.source'), data.source === 'start' ? t('officeDesk.sourceStart') : t('officeDesk.sourceDesk')],
      ]
    : [];
  return (
    <Paper withBorder radius="md" p="lg" data-testid="settings-office" data-backend={data.backend}>
      <Stack gap="sm">
        <Title order={4}>{t('officeDesk.settingsTitle')}</Title>
        <Text size="sm">{c ? t('officeDesk.onOffice') : t('officeDesk.onVault')}</Text>
        {c && (
          <Table withRowBorders={false} verticalSpacing={4} maw={640}>
            <Table.Tbody>
              {rows.map(([key, label, value]) => (
                <Table.Tr key={key} data-testid={`settings-office-${key}`}>
                  <Table.Th w={180} fw={500} c="dimmed">
                    {label}
                  </Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="sm" c="dimmed">
          {t('officeDesk.settingsHint')}
        </Text>
      </Stack>
    </Paper>
  );
}
