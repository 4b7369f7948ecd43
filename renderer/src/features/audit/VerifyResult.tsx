import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '@shared/contract';

/** Chain verification outcome: a green OK with the count, or each problem explained. */
export function VerifyResult({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert data-testid="audit-verify-result" data-ok="true" color="teal" variant="light" icon={<IconShieldCheck />}>
        {t('audit.verifyOk', { count: result.checked })}
      </Alert>
    );
  }
  return (
    <Alert
      data-testid="audit-verify-result"
      data-ok="false"
      color="red"
      variant="light"
      icon={<IconAlertTriangle />}
      title={t('audit.verifyBad', { count: result.problems.length })}
      role="alert"
    >
      <List size="sm" spacing={4}>
        {result.problems.map((p) => (
          <List.Item key={`${p.seq}-${p.kind}`} data-kind={p.kind}>
            <Text span ff="monospace" fw={700} size="sm">
              #{p.seq}
            </Text>{' '}
            <Text span ff="monospace" size="xs" c="red.8">
              [{p.kind}]
            </Text>{' '}
            {t(`audit.problem.${p.kind}`)}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
