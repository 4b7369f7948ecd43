import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  loading: boolean;
  submitTestId: string;
  submitLabel: string;
  children: ReactNode;
}

/** A centred modal holding one form, with cancel + submit buttons at its foot. */
export function FormModal({ opened, onClose, title, onSubmit, loading, submitTestId, submitLabel, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={loading}>
              {t('common.cancel')}
            </Button>
            <Button data-testid={submitTestId} type="submit" loading={loading}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
