import { Checkbox, NativeSelect, Stack, Text } from '@mantine/core';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwaitingResubmission } from '@shared/domain/verification/stored-deficiency';
import { useLang } from '../../i18n';
import { formatDay } from '../../ui/dates';

interface Props {
  cases: AwaitingResubmission[] | undefined;
  enabled: boolean;
  onEnabled: (on: boolean) => void;
  caseId: string;
  onCase: (caseId: string) => void;
  error?: string;
  /** The form's path of the case field (a refused form focuses it). */
  path?: string;
}

/**
 * I4: the envelope holds the whole re-sent set of a case waiting in 不備. Ticking the box and
 * picking the case attaches the envelope to it instead of creating a new case.
 */
export const ResubmissionPicker = forwardRef<HTMLSelectElement, Props>(function ResubmissionPicker({ cases, enabled, onEnabled, caseId, onCase, error, path }, ref) {
  const { t } = useTranslation();
  const lang = useLang();
  const none = cases !== undefined && cases.length === 0;
  return (
    <Stack gap={6} data-testid="resubmission">
      <Checkbox
        data-testid="envelope-resubmission"
        label={t('intake.resubmission.toggle')}
        description={none ? t('intake.resubmission.noneWaiting') : t('intake.resubmission.hint')}
        checked={enabled}
        disabled={none && !enabled}
        onChange={(e) => onEnabled(e.currentTarget.checked)}
      />
      {enabled && (
        <NativeSelect
          ref={ref}
          data-testid="envelope-resubmission-case"
          data-path={path}
          label={t('intake.resubmission.case')}
          value={caseId}
          onChange={(e) => onCase(e.currentTarget.value)}
          error={error}
          required
          data={[
            { value: '', label: t('intake.resubmission.pick') },
            ...(cases ?? []).map((c) => ({
              value: c.caseId,
              label: t('intake.resubmission.option', {
                caseNo: c.caseNo,
                name: c.subjectName || t('intake.resubmission.noName'),
                since: formatDay(c.deficientSince.slice(0, 10), lang),
              }),
            })),
          ]}
        />
      )}
      {enabled && caseId && (
        <Text size="xs" c="dimmed">
          {t('intake.resubmission.effect')}
        </Text>
      )}
    </Stack>
  );
});
