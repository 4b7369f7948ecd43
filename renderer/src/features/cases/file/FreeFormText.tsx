import { useEffect, useState } from 'react';
import { Badge, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PageSummary } from '@shared/contract';
import { PAGE_KIND_LABELS, REQUEST_KIND_LABELS, suggestRequestKinds } from '@shared/domain/page-kind';
import { kaiji } from '../../../api';
import { useLang } from '../../../i18n';

/**
 * A letter written without the company's form: its recognised text, with the request
 * kinds its wording suggests, so staff can fill the fields by hand.
 */
export function FreeFormText({ pages }: { pages: PageSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const letters = pages.filter((p) => p.kind === 'application_form' || p.kind === 'other');
  const [texts, setTexts] = useState<Record<string, string>>({});

  useEffect(() => {
    let live = true;
    void Promise.all(letters.map(async (p) => [p.id, (await kaiji.pages.text({ id: p.id }))] as const)).then((all) => {
      if (!live) return;
      setTexts(Object.fromEntries(all.map(([id, r]) => [id, r.ok ? r.value.text : ''])));
    });
    return () => {
      live = false;
    };
    // Page ids are the identity of what to load.
  }, [letters.map((p) => p.id).join()]);

  if (letters.length === 0) return null;
  const suggestions = suggestRequestKinds(Object.values(texts).join('\n'));
  return (
    <Paper withBorder radius="md" p="md" data-testid="free-form-text">
      <Stack gap="sm">
        <Title order={5}>{t('caseFile.freeForm.title')}</Title>
        {suggestions.length > 0 && (
          <Group gap="xs" data-testid="free-form-kinds">
            <Text size="sm">{t('caseFile.freeForm.suggested')}</Text>
            {suggestions.map((s) => (
              <Badge key={s.kind} variant="light" radius="sm" tt="none" title={s.reasons.join('、')}>
                {s.kind} {REQUEST_KIND_LABELS[s.kind][lang]}
              </Badge>
            ))}
          </Group>
        )}
        {letters.map((p) => (
          <Stack key={p.id} gap={4}>
            <Text size="xs" c="dimmed">
              {p.sourceName} · {PAGE_KIND_LABELS[p.kind][lang]}
            </Text>
            <ScrollArea.Autosize mah={240} type="auto">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {texts[p.id] ?? '…'}
              </Text>
            </ScrollArea.Autosize>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
