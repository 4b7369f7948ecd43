import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TodayList } from '@shared/contract/today-types';
import { caseHref } from '../shell/routes';

interface Props<T> {
  id: string;
  title: string;
  hint: string;
  list: TodayList<T>;
  /** Colour of the count badge when the list is not empty. */
  color: string;
  itemKey: (item: T) => string;
  caseOf: (item: T) => { caseId: string; caseNo: string };
  /** What is shown after the case number: name, dates, amounts. */
  describe: (item: T) => ReactNode;
}

/** One list of the Today view: its count, the first items (each a link to its case) and how many more. */
export function TodaySection<T>({ id, title, hint, list, color, itemKey, caseOf, describe }: Props<T>) {
  const { t } = useTranslation();
  const more = list.count - list.items.length;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`today-${id}`} data-count={list.count} component="section" aria-labelledby={`today-${id}-title`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={4} fz="md" id={`today-${id}-title`}>
            {title}
          </Title>
          <Badge color={list.count > 0 ? color : 'gray'} variant={list.count > 0 ? 'filled' : 'light'} radius="sm" data-testid={`today-${id}-count`}>
            {t('today.count', { count: list.count })}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
        {list.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('today.empty')}
          </Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {list.items.map((item) => {
              const c = caseOf(item);
              return (
                <Group key={itemKey(item)} component="li" gap="sm" wrap="nowrap" align="baseline" data-testid={`today-${id}-item`}>
                  <Anchor href={caseHref(c.caseId)} ff="monospace" size="sm" aria-label={t('today.openCase', { caseNo: c.caseNo })} style={{ flexShrink: 0 }}>
                    {c.caseNo}
                  </Anchor>
                  <Text size="sm" component="div" style={{ minWidth: 0 }}>
                    {describe(item)}
                  </Text>
                </Group>
              );
            })}
          </Stack>
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
