import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { TrashKind } from '@shared/contract/trash-types';
import { kaiji } from '../../api';
import { errorText } from '../../ui/errors';

/**
 * The toast after a delete (#13 item 3): says where the item went and offers Undo, which
 * restores it from the trash. The toast outlives the component that deleted, so it calls the
 * API itself and reports back through `onRestored`.
 */
export function showUndoToast(opts: { t: TFunction; lang: 'ja' | 'en'; kind: TrashKind; id: string; message: string; onRestored: () => void }): void {
  const toastId = `trash-${opts.id}`;
  const undo = async () => {
    notifications.hide(toastId);
    const r = await kaiji.trash.restore({ kind: opts.kind, id: opts.id });
    if (r.ok) {
      notifications.show({ color: 'teal', message: opts.t('trash.restored') });
      opts.onRestored();
    } else {
      notifications.show({ color: 'red', message: errorText(r.error, opts.lang) });
    }
  };
  notifications.show({
    id: toastId,
    color: 'gray',
    autoClose: 10_000,
    message: (
      <Group gap="sm" wrap="nowrap" justify="space-between" data-testid="undo-toast">
        <Text size="sm">{opts.message}</Text>
        <Button size="compact-sm" variant="light" onClick={() => void undo()} data-testid="undo-button">
          {opts.t('trash.undo')}
        </Button>
      </Group>
    ),
  });
}
