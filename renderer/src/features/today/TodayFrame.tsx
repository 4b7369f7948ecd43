import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** `today-<id>` names the section, its title, count badge and the tests' hooks. */
  id: string;
  title: string;
  hint: string;
  /** How many there are in all, and how many of them the section shows. */
  count: number;
  shown: number;
  /** Colour of the count badge when there is something. */
  color: string;
  /** The lead section (what needs action) has a larger title. */
  lead?: boolean;
  /** Shown instead of the items when there are none. */
  empty?: string;
  children: ReactNode;
}

/**
 * The frame every Today section shares (#13 item 6): title with its count badge, the hint, the
 * items or one "none" line, and how many more there are than shown.
 */
export function TodayFrame({ id, title, hint, count, shown, color, lead = false, empty, children }: Props) {
  const { t } = useTranslation();
  const more = count - shown;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`today-${id}`} data-count={count} component="section" aria-labelledby={`today-${id}-title`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={lead ? 3 : 4} fz={lead ? 'lg' : 'md'} id={`today-${id}-title`}>
            {title}
          </Title>
          <Badge color={count > 0 ? color : 'gray'} variant={count > 0 ? 'filled' : 'light'} radius="sm" data-testid={`today-${id}-count`} style={{ flexShrink: 0 }}>
            {t('today.count', { count })}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
        {shown === 0 ? (
          <Text size="sm" c="dimmed">
            {empty ?? t('today.empty')}
          </Text>
        ) : (
          children
        )}
        {more > 0 && (
          <Text size="xs" c="dimmed">
            {t('today.more', { count: more })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
