import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TodayContact } from '@shared/contract/contacts-types';
import type { TodayList } from '@shared/contract/today-types';
import { useLang } from '../../i18n';
import { formatDay } from '../../ui/dates';
import { contactHref } from './ContactsPage';

/** Today (I1): contacts whose guidance letter is not mailed yet; each links to its contact. */
export function GuidanceOwedSection({ list }: { list: TodayList<TodayContact> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const more = list.count - list.items.length;
  return (
    <Paper withBorder radius="md" p="md" data-testid="today-guidanceOwed" data-count={list.count} component="section" aria-labelledby="today-guidanceOwed-title">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={4} fz="md" id="today-guidanceOwed-title">
            {t('contacts.today.title')}
          </Title>
          <Badge color={list.count > 0 ? 'orange' : 'gray'} variant={list.count > 0 ? 'filled' : 'light'} radius="sm" data-testid="today-guidanceOwed-count">
            {t('today.count', { count: list.count })}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('contacts.today.hint')}
        </Text>
        {list.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('today.empty')}
          </Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {list.items.map((c) => (
              <Group key={c.contactId} component="li" gap="sm" wrap="nowrap" align="baseline" data-testid="today-guidanceOwed-item">
                <Anchor href={contactHref(c.contactId)} ff="monospace" size="sm" aria-label={t('contacts.today.open', { no: c.contactNo })} style={{ flexShrink: 0 }}>
                  {c.contactNo}
                </Anchor>
                <Group gap={8} wrap="wrap" component="span">
                  <Text span size="sm" fw={500}>
                    {c.name}
                  </Text>
                  <Text span size="sm">
                    {t(`contacts.channels.${c.channel}`)}
                  </Text>
                  <Text span size="sm" c="dimmed">
                    {t('contacts.today.waiting', { date: formatDay(c.contactedOn, lang), days: c.daysWaiting })}
                  </Text>
                  <Text span size="sm" c="dimmed">
                    {t(`contacts.letterStates.${c.letterState}`)}
                  </Text>
                </Group>
              </Group>
            ))}
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
