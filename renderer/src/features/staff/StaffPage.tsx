import { Button, Paper, Stack, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@shared/contract';
import type { Role } from '@shared/roles';
import { kaiji } from '../../api';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { PageHeader } from '../../ui/PageHeader';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';
import { AddStaffModal } from './AddStaffModal';
import { ResetPassphraseModal } from './ResetPassphraseModal';
import { StaffRow } from './StaffRow';

/** Administrator-only: who may open Kaiji, and in which role. */
export function StaffPage() {
  const { t } = useTranslation();
  const { status } = useVault();
  const { data } = useLoad(() => kaiji.staff.list({}), 'staff');
  const { run, loading } = useCall();
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<StaffMember | null>(null);
  const [removing, setRemoving] = useState<StaffMember | null>(null);

  useEffect(() => {
    if (data) setStaff(data);
  }, [data]);

  // Removed staff stay in the database for the audit trail but are no longer anyone to manage.
  const visible = staff.filter((m) => m.status !== 'removed');

  const replace = (member: StaffMember) => setStaff((list) => list.map((m) => (m.id === member.id ? member : m)));

  const changeRole = async (member: StaffMember, role: Role) => {
    const result = await run(() => kaiji.staff.setRole({ id: member.id, role }));
    if (result.ok) {
      replace(result.value);
      notifications.show({ color: 'teal', message: t('staff.roleChanged') });
    }
  };

  const toggle = async (member: StaffMember) => {
    const next = member.status === 'active' ? 'disabled' : 'active';
    const result = await run(() => kaiji.staff.setStatus({ id: member.id, status: next }));
    if (result.ok) {
      replace(result.value);
      notifications.show({ color: 'teal', message: t('staff.statusChanged') });
    }
  };

  const remove = async () => {
    if (!removing) return;
    const result = await run(() => kaiji.staff.remove({ id: removing.id }));
    if (result.ok) {
      const id = removing.id;
      setStaff((list) => list.filter((m) => m.id !== id));
      notifications.show({ color: 'teal', message: t('staff.removed') });
      setRemoving(null);
    }
  };

  return (
    <Stack data-testid="staff-page" gap="lg">
      <PageHeader title={t('staff.title')} description={t('staff.intro')}>
        <Button data-testid="staff-add" leftSection={<IconUserPlus size={18} />} onClick={() => setAdding(true)}>
          {t('staff.add')}
        </Button>
      </PageHeader>
      <Paper withBorder radius="md" p="md">
        <Table.ScrollContainer minWidth={760}>
          <Table data-testid="staff-table" verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.name')}</Table.Th>
                <Table.Th>{t('staff.login')}</Table.Th>
                <Table.Th>{t('staff.role')}</Table.Th>
                <Table.Th>{t('staff.status')}</Table.Th>
                <Table.Th>{t('staff.created')}</Table.Th>
                <Table.Th ta="right">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((member) => (
                <StaffRow
                  key={member.id}
                  member={member}
                  isSelf={member.id === status.user?.id}
                  busy={loading}
                  onRole={(role) => void changeRole(member, role)}
                  onToggle={() => void toggle(member)}
                  onReset={() => setResetting(member)}
                  onRemove={() => setRemoving(member)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <AddStaffModal
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(member) => setStaff((list) => [...list, member])}
      />
      <ResetPassphraseModal member={resetting} onClose={() => setResetting(null)} />
      <ConfirmModal
        opened={removing !== null}
        title={t('staff.removeTitle')}
        confirmLabel={t('staff.removeOk')}
        onClose={() => setRemoving(null)}
        onConfirm={remove}
      >
        {removing && t('staff.removeBody', { name: removing.displayName, login: removing.login })}
      </ConfirmModal>
    </Stack>
  );
}
