import { Anchor, Badge, Button, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { ContactDetail } from '@shared/contract/contacts-types';
import { REQUEST_KIND_LABELS } from '@shared/domain/page-kind';
import { allows } from '@shared/roles';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';

import { PageHeader } from '../../ui/PageHeader';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';
import { ContactModal, LETTER_STATE_COLORS } from './ContactModal';
import { LogContactModal } from './LogContactModal';
import { Day } from '../../ui/Timestamp';

type Filter = 'owed' | 'mailed' | 'all';

/** `#/contacts/<id>` opens that contact (links from Today). */
export const contactHref = (id: string) => `#/contacts/${encodeURIComponent(id)}`;
const hashContactId = (): string | null => {
  const m = /^#\/?contacts\/([^/?]+)/.exec(window.location.hash);
  try {
    return m ? decodeURIComponent(m[1]!) : null;
  } catch {
    return null;
  }
};

/** 電話等の問い合わせ `#/contacts` (I1): requests not made by mail, each answered with a guidance letter. */
export function ContactsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { status } = useVault();
  const canLog = allows(contract['contacts.log'].access, status.user?.role);
  const { run } = useCall();
  const [filter, setFilter] = useState<Filter>('owed');
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const { data } = useLoad(() => kaiji.contacts.list({ state: filter }), `${filter}#${version}`);
  const [logging, setLogging] = useState(false);
  const [open, setOpen] = useState<ContactDetail | null>(null);

  const show = useCallback(
    async (id: string) => {
      const r = await run(() => kaiji.contacts.get({ id }));
      if (r.ok) setOpen(r.value);
    },
    [run],
  );
  useEffect(() => {
    const sync = () => {
      const id = hashContactId();
      if (id) void show(id);
    };
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, [show]);

  const close = () => {
    setOpen(null);
    if (hashContactId()) window.history.replaceState(null, '', '#/contacts');
  };

  return (
    <Stack data-testid="contacts-page" gap="lg">
      <PageHeader title={t('contacts.title')} description={t('contacts.description')}>
        {canLog && (
          <Button onClick={() => setLogging(true)} data-testid="contact-log">
            {t('contacts.log')}
          </Button>
        )}
      </PageHeader>
      <SegmentedControl
        w="fit-content"
        aria-label={t('contacts.filter')}
        data-testid="contacts-filter"
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={(['owed', 'mailed', 'all'] as const).map((f) => ({ value: f, label: t(`contacts.filters.${f}`) }))}
      />
      <Paper withBorder radius="md" p="md">
        {data && data.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="contacts-empty">
            {t('contacts.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" highlightOnHover data-testid="contacts-table">
              <Table.Thead>
                <Table.Tr>
                  {(['no', 'date', 'channel', 'name', 'kinds', 'letter'] as const).map((c) => (
                    <Table.Th key={c}>{t(`contacts.columns.${c}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(data ?? []).map((c) => (
                  <Table.Tr key={c.id} data-testid="contact-row" data-contact-no={c.contactNo}>
                    <Table.Td>
                      <Anchor component="button" type="button" ff="monospace" size="sm" onClick={() => void show(c.id)} aria-label={t('contacts.today.open', { no: c.contactNo })}>
                        {c.contactNo}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Day iso={c.contactedOn} />
                    </Table.Td>
                    <Table.Td>{t(`contacts.channels.${c.channel}`)}</Table.Td>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>{c.requestedKinds.map((k) => REQUEST_KIND_LABELS[k][lang]).join('、') || '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={LETTER_STATE_COLORS[c.letterState]} variant="light">
                        {t(`contacts.letterStates.${c.letterState}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <LogContactModal
        opened={logging}
        onClose={() => setLogging(false)}
        onLogged={(c) => {
          setLogging(false);
          reload();
          setOpen(c);
        }}
      />
      {open && (
        <ContactModal
          contact={open}
          onClose={close}
          onChanged={(c) => {
            setOpen(c);
            reload();
          }}
        />
      )}
    </Stack>
  );
}
