import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffStatus } from '@shared/contract';

const look = {
  active: { color: 'teal', key: 'staff.statusActive' },
  disabled: { color: 'orange', key: 'staff.statusDisabled' },
  removed: { color: 'gray', key: 'staff.statusRemoved' },
} as const;

export function StaffStatusBadge({ status }: { status: StaffStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={look[status].color} variant="dot" size="sm" radius="sm">
      {t(look[status].key)}
    </Badge>
  );
}
