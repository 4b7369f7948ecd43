import { Button, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@shared/contract';
import { assignmentAction } from '@shared/domain/case-permissions';
import { isCaseState } from '@shared/domain/case-state';
import { kaiji } from '../../../api';
import { useCall } from '../../../ui/useCall';
import { useLoad } from '../../../ui/useLoad';
import { useVault } from '../../../ui/vault';

/**
 * The person in charge in the case header (#13 item 2a). Administrators pick anyone who may be
 * in charge (or nobody); a clerk may take an open unassigned case. The rule is the services'
 * own (shared/domain/case-permissions.ts assignmentAction); the case file refetches by itself
 * after the change (ui/server-state.ts).
 */
export function AssigneeControl({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { status } = useVault();
  const me = status.user;
  const { run, loading } = useCall();
  const c = detail.case;
  const current = c.assigneeId ?? null;
  const state = isCaseState(c.status) ? c.status : 'received';
  const admin = !!me && assignmentAction({ actorId: me.id, role: me.role, current, next: null, caseState: state }) === 'assign_case';
  const mayTake = !!me && !admin && assignmentAction({ actorId: me.id, role: me.role, current, next: me.id, caseState: state }) === 'take_case';
  const people = useLoad(() => (admin ? kaiji.cases.assignees({}) : Promise.resolve({ ok: true as const, value: [] })), `assignees#${admin}`);

  const assign = async (assigneeId: string | null) => {
    const result = await run(() => kaiji.cases.assign({ caseId: c.id, assigneeId }));
    if (!result.ok) return;
    notifications.show({ color: 'teal', message: result.value.assigneeName ? t('worklists.assigned', { name: result.value.assigneeName }) : t('worklists.unassignedDone') });
  };

  return (
    <Stack gap={2} data-testid="case-assignee" data-assignee={current ?? ''}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {t('worklists.inCharge')}
      </Text>
      {admin ? (
        <Select
          data-testid="case-assignee-select"
          aria-label={t('worklists.assign')}
          size="xs"
          w={180}
          data={[{ value: '', label: t('worklists.noneAssigned') }, ...(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))]}
          value={current ?? ''}
          onChange={(v) => void assign(v || null)}
          allowDeselect={false}
          disabled={loading}
        />
      ) : (
        <Text fw={500} c={current ? undefined : 'dimmed'} data-testid="case-assignee-name">
          {c.assigneeName ?? t('worklists.noneAssigned')}
        </Text>
      )}
      {mayTake && (
        <Button data-testid="case-take" size="compact-xs" variant="light" leftSection={<IconUserCheck size={14} />} onClick={() => void assign(me!.id)} loading={loading}>
          {t('worklists.take')}
        </Button>
      )}
    </Stack>
  );
}
