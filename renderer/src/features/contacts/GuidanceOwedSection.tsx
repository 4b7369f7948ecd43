import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TodayContact } from '@shared/contract/contacts-types';
import type { TodayList } from '@shared/contract/today-types';
import { useLang } from '../../i18n';
import { formatDay } from '../../ui/dates';
import { TodayFrame } from '../today/TodayFrame';
import { contactHref } from './ContactsPage';

/** Today (I1): contacts whose guidance letter is not mailed yet; each links to its contact. */
export function GuidanceOwedSection({ list }: { list: TodayList<TodayContact> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <TodayFrame id="guidanceOwed" title={t('contacts.today.title')} hint={t('contacts.today.hint')} count={list.count} shown={list.items.length} color="orange">
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
    </TodayFrame>
  );
}
