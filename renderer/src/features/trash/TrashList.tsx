import { Button, Group, Image, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { TrashItem } from '@shared/contract/trash-types';
import { PAGE_KIND_LABELS, type PageKind } from '@shared/domain/page-kind';
import { allows } from '@shared/roles';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { ConfirmModal } from '../../ui/ConfirmModal';

import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';
import { caseHref } from '../shell/routes';
import { Day, Timestamp } from '../../ui/Timestamp';

/**
 * What the trash holds (#13 item 3), of one case or everywhere: restore each item, or (administrators)
 * empty it for good. `hideWhenEmpty` keeps the case file free of an empty box.
 */
export function TrashList({ caseId, reloadKey, onChanged, hideWhenEmpty }: { caseId?: string; reloadKey?: string | number; onChanged?: () => void; hideWhenEmpty?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { status } = useVault();
  const role = status.user?.role;
  const { run, loading } = useCall();
  const [version, setVersion] = useState(0);
  const [emptying, setEmptying] = useState(false);
  const { data } = useLoad(() => kaiji.trash.list(caseId ? { caseId } : {}), `${caseId ?? 'all'}#${reloadKey ?? ''}#${version}`);
  const items = data ?? [];
  const changed = () => {
    setVersion((v) => v + 1);
    onChanged?.();
  };
  if (hideWhenEmpty && items.length === 0) return null;

  const restore = async (item: TrashItem) => {
    const r = await run(() => kaiji.trash.restore({ kind: item.kind, id: item.id }));
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('trash.restored') });
      changed();
    }
  };
  const empty = async () => {
    const r = await run(() => kaiji.trash.empty(caseId ? { caseId } : {}));
    setEmptying(false);
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('trash.emptied', r.value) });
      changed();
    }
  };
  const describe = (item: TrashItem) =>
    item.kind === 'page'
      ? t('trash.page', { n: (item.sourcePage ?? 0) + 1, kind: PAGE_KIND_LABELS[item.pageKind as PageKind]?.[lang] ?? item.pageKind })
      : t('trash.letter', { title: item.title ?? item.template ?? '' });

  return (
    <Stack gap="sm" data-testid={caseId ? 'case-trash' : 'trash-list'} data-count={items.length}>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('trash.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trash.columns.item')}</Table.Th>
                {!caseId && <Table.Th>{t('trash.columns.caseNo')}</Table.Th>}
                <Table.Th>{t('trash.columns.trashedAt')}</Table.Th>
                <Table.Th>{t('trash.columns.purgeOn')}</Table.Th>
                <Table.Th>{t('trash.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={`${item.kind}:${item.id}`} data-testid="trash-item" data-kind={item.kind} data-id={item.id}>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      {item.thumbnail && <Image src={item.thumbnail} w={36} h={48} fit="contain" radius="xs" alt="" />}
                      <Text size="sm">{describe(item)}</Text>
                    </Group>
                  </Table.Td>
                  {!caseId && (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {item.caseId && item.caseNo ? <a href={caseHref(item.caseId)}>{item.caseNo}</a> : <Text size="sm">{t('trash.noCase')}</Text>}
                    </Table.Td>
                  )}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">
                      <Timestamp at={item.trashedAt} />
                    </Text>
                    {item.trashedByName && (
                      <Text size="xs" c="dimmed">
                        {item.trashedByName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.purgeOn ? <Day iso={item.purgeOn} /> : '—'}</Table.Td>
                  <Table.Td>
                    {allows(contract['trash.restore'].access, role) && (
                      <Button size="compact-sm" variant="light" loading={loading} onClick={() => void restore(item)} data-testid="trash-restore">
                        {t('trash.restore')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {items.length > 0 && allows(contract['trash.empty'].access, role) && (
        <Group justify="flex-end">
          <Button size="xs" variant="subtle" color="red" onClick={() => setEmptying(true)} data-testid="trash-empty">
            {caseId ? t('trash.emptyCase') : t('trash.emptyAll')}
          </Button>
        </Group>
      )}
      <ConfirmModal opened={emptying} title={t('trash.emptyTitle')} confirmLabel={t('trash.emptyOk')} onClose={() => setEmptying(false)} onConfirm={empty}>
        {t('trash.emptyBody', { count: items.length })}
      </ConfirmModal>
    </Stack>
  );
}
