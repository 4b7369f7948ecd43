import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseUrgency } from '@shared/contract/today-types';
import { useLang } from '../../i18n';
import { compactDay, formatDay } from '../../ui/dates';
import { URGENCY_COLORS, daysLeftKey } from './urgency';

/** The case list's deadline cell (I5): urgency in colour, the target date and days left. */
export function CaseUrgencyBadge({ deadline }: { deadline: CaseUrgency | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!deadline) return null;
  const left = deadline.daysLeft === null ? null : daysLeftKey(deadline.daysLeft);
  return (
    <Stack gap={2} data-urgency={deadline.urgency}>
      <Badge color={URGENCY_COLORS[deadline.urgency]} variant={deadline.urgency === 'overdue' ? 'filled' : 'light'} radius="sm" tt="none" w="fit-content">
        {t(`deadline.urgency.${deadline.urgency}`)}
      </Badge>
      {deadline.dueOn && left && (
        <Text size="xs" c="dimmed" title={formatDay(deadline.dueOn, lang)}>
          {compactDay(deadline.dueOn, lang)} ・ {t(left.key, { count: left.count })}
        </Text>
      )}
    </Stack>
  );
}
