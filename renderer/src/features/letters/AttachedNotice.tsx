import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportFileProgress } from '@shared/contract';
import { caseHref } from '../shell/routes';

/** Shown under an imported file that carried one of our letters' QR codes (#6): where it went. */
export function AttachedNotice({ attached }: { attached: NonNullable<ImportFileProgress['attachedToCase']> }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" mt={2} c="blue.8" data-testid="import-attached" data-case-no={attached.caseNo} role="status">
      {t(attached.resubmission ? 'intakeAttach.resubmission' : 'intakeAttach.attached')}{' '}
      <Anchor href={caseHref(attached.caseId)} size="xs" ff="monospace">
        {attached.caseNo}
      </Anchor>
      {attached.discardedCaseNos && (
        <Text span size="xs" display="block" data-testid="import-discarded">
          {t('intakeAttach.discarded', { caseNos: attached.discardedCaseNos.join('、') })}
        </Text>
      )}
    </Text>
  );
}
