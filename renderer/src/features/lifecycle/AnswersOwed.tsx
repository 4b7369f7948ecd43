import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OwedCase } from '@shared/contract/lifecycle-types';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { useLoad } from '../../ui/useLoad';
import { TodaySection } from '../today/TodaySection';

const SHOWN = 10;

/**
 * Today's "answers owed" (issue #10 item 1): one row per case with every reason, from the same
 * obligations rule as the case header and the close guard.
 */
export function AnswersOwed() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data } = useLoad(() => kaiji.cases.owed({ limit: 200 }), 'owed');
  if (!data) return null;
  return (
    <TodaySection<OwedCase>
      id="answersOwed"
      title={t('lifecycle.todayTitle')}
      hint={t('lifecycle.owedTitle')}
      list={{ count: data.length, items: data.slice(0, SHOWN) }}
      color="orange"
      itemKey={(c) => c.caseId}
      caseOf={(c) => c}
      describe={(c) => <Text size="sm">{c.owed.map((o) => o.label[lang]).join(lang === 'ja' ? '／' : ' / ')}</Text>}
    />
  );
}
