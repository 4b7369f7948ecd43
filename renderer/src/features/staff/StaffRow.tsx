import { Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@shared/contract';
import type { Role } from '@shared/roles';

import { RoleBadge } from '../../ui/RoleBadge';
import { roleOptions } from './roleOptions';
import { StaffStatusBadge } from './StaffStatusBadge';
import { Timestamp } from '../../ui/Timestamp';

interface Props {
  member: StaffMember;
  isSelf: boolean;
  busy: boolean;
  onRole: (role: Role) => void;
  onToggle: () => void;
  onReset: () => void;
  onRemove: () => void;
}

/** One staff member; your own row and removed rows have no actions. */
export function StaffRow({ member, isSelf, busy, onRole, onToggle, onReset, onRemove }: Props) {
  const { t } = useTranslation();
  const editable = !isSelf && member.status !== 'removed';
  return (
    <Table.Tr data-testid={`staff-row-${member.login}`} opacity={member.status === 'removed' ? 0.55 : 1}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {member.displayName}
          </Text>
          {isSelf && (
            <Text size="xs" c="dimmed">
              （{t('staff.you')}）
            </Text>
          )}
        </Group>
      </Table.Td>
      <Table.Td ff="monospace" fz="sm">
        {member.login}
      </Table.Td>
      <Table.Td>
        {editable ? (
          <NativeSelect
            data-testid="staff-row-role"
            aria-label={t('staff.role')}
            size="xs"
            w={130}
            data={roleOptions(t)}
            value={member.role}
            disabled={busy}
            onChange={(e) => onRole(e.currentTarget.value as Role)}
          />
        ) : (
          <RoleBadge role={member.role} />
        )}
      </Table.Td>
      <Table.Td>
        <StaffStatusBadge status={member.status} />
      </Table.Td>
      <Table.Td fz="sm" c="dimmed">
        <Timestamp at={member.createdAt} />
      </Table.Td>
      <Table.Td>
        {editable && (
          <Group gap={6} wrap="nowrap" justify="flex-end">
            <Button data-testid="staff-reset" size="compact-xs" variant="subtle" onClick={onReset}>
              {t('staff.reset')}
            </Button>
            <Button
              data-testid={member.status === 'active' ? 'staff-disable' : 'staff-enable'}
              size="compact-xs"
              variant="subtle"
              color={member.status === 'active' ? 'orange' : 'teal'}
              onClick={onToggle}
              disabled={busy}
            >
              {member.status === 'active' ? t('staff.disable') : t('staff.enable')}
            </Button>
            <Button data-testid="staff-remove" size="compact-xs" variant="subtle" color="red" onClick={onRemove}>
              {t('staff.remove')}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
