import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/roles';

const colors: Record<Role, string> = { administrator: 'indigo', clerk: 'teal', auditor: 'grape' };

export function RoleBadge({ role, size = 'sm' }: { role: Role; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[role]} variant="light" size={size} radius="sm">
      {t(`roles.${role}`)}
    </Badge>
  );
}
