import { Collapse, Group, UnstyledButton } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A case file section that folds (#13 item 4). Open or folded is remembered per section on this
 * machine (localStorage: a section name and a flag, nothing personal), so a clerk who never needs
 * the letters keeps them folded on every case.
 */
export function Fold({ id, title, extra, children }: { id: string; title: string; extra?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useLocalStorage<boolean>({ key: `kaiji.fold.${id}`, defaultValue: true, getInitialValueInEffect: false });
  return (
    <div data-testid={`fold-${id}`} data-open={open || undefined}>
      <Group gap={6} mb={open ? 6 : 0} wrap="nowrap">
        <UnstyledButton
          className="kaiji-fold"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          aria-label={t('workbench.fold', { section: title })}
          data-testid={`fold-${id}-toggle`}
        >
          <Group gap={6} wrap="nowrap">
            {open ? <IconChevronDown size={16} stroke={1.8} /> : <IconChevronRight size={16} stroke={1.8} />}
            <span>{title}</span>
          </Group>
        </UnstyledButton>
        {extra}
      </Group>
      <Collapse expanded={open} transitionDuration={120} keepMounted>
        {children}
      </Collapse>
    </div>
  );
}
