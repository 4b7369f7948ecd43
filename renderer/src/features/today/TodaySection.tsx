import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TodayList } from '@shared/contract/today-types';
import { caseHref } from '../shell/routes';
import { TodayFrame } from './TodayFrame';

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
  return (
    <TodayFrame id={id} title={title} hint={hint} count={list.count} shown={list.items.length} color={color}>
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
    </TodayFrame>
  );
}
