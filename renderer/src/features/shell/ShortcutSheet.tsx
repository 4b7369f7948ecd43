import { Group, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chordKeys, keyLabel, shortcuts, type ShortcutId, type ShortcutScope } from '../../ui/shortcuts';

const OPEN_EVENT = 'kaiji:shortcut-sheet';

/** Opens the sheet from anywhere (the `?` key, the palette). */
export const openShortcutSheet = () => window.dispatchEvent(new Event(OPEN_EVENT));

const scopes: ShortcutScope[] = ['global', 'lists', 'intake', 'caseFile'];

/** `?` (#13 item 5): every shortcut of the registry (ui/shortcuts.ts), grouped where it works. */
export function ShortcutSheet() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const open = () => setOpened(true);
    window.addEventListener(OPEN_EVENT, open);
    return () => window.removeEventListener(OPEN_EVENT, open);
  }, []);
  return (
    <Modal opened={opened} onClose={() => setOpened(false)} title={t('shortcuts.sheetTitle')} size="lg" data-testid="shortcut-sheet">
      <Stack gap="md" data-testid="shortcut-sheet-body">
        <Text size="sm" c="dimmed">
          {t('shortcuts.sheetIntro')}
        </Text>
        {scopes.map((scope) => {
          const entries = shortcuts.filter((s) => s.scope === scope);
          if (entries.length === 0) return null;
          return (
            <Stack key={scope} gap={4}>
              <Title order={6}>{t(`shortcuts.scopes.${scope}`)}</Title>
              <Table verticalSpacing={4} withRowBorders={false}>
                <Table.Tbody>
                  {entries.map((s) => (
                    <Table.Tr key={s.id} data-shortcut={s.id}>
                      <Table.Td w={170} style={{ whiteSpace: 'nowrap' }}>
                        <Group gap={6} wrap="nowrap">
                          {s.keys.map((alt, i) => (
                            <Group key={i} gap={3} wrap="nowrap">
                              {i > 0 && (
                                <Text span size="xs" c="dimmed" mr={3}>
                                  /
                                </Text>
                              )}
                              {chordKeys(alt).map((k, j) => (
                                <Kbd key={j} size="sm">
                                  {keyLabel(k)}
                                </Kbd>
                              ))}
                            </Group>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{s.label ? t(s.label as never) : t(`shortcuts.keys.${s.id as ShortcutId}`)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          );
        })}
      </Stack>
    </Modal>
  );
}
