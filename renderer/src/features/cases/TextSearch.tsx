import { Badge, Center, Group, Highlight, Loader, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextHit } from '@shared/contract';
import { kaiji } from '../../api';
import { useCall } from '../../ui/useCall';
import { caseHref } from '../shell/routes';

/** 「スキャン本文を検索」: words from the recognised text of every page (a letter's phrase, a name). */
export function TextSearchBox({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      data-testid="text-search"
      placeholder={t('textSearch.placeholder')}
      aria-label={t('textSearch.label')}
      leftSection={<IconFileSearch size={16} stroke={1.6} />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      maxLength={100}
      w="100%"
      maw={360}
    />
  );
}

/** The hits for `query` (already debounced by the page), grouped by case. */
export function TextSearchResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const { run } = useCall();
  const [debounced] = useDebouncedValue(query.trim(), 350);
  const [hits, setHits] = useState<TextHit[] | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!debounced) {
      setHits(null);
      return;
    }
    setLoading(true);
    void run(() => kaiji.search.text({ query: debounced })).then((result) => {
      if (ticket !== latest.current) return;
      setLoading(false);
      setHits(result.ok ? result.value : []);
    });
  }, [debounced, run]);

  if (!debounced) return null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="text-search-results" data-count={hits?.length ?? undefined} data-query={debounced}>
      <Group justify="space-between" mb="sm">
        <Text fw={600} size="sm">
          {t('textSearch.title', { query: debounced })}
        </Text>
        {loading ? <Loader size="xs" /> : hits && <Text size="sm" c="dimmed">{t('textSearch.count', { count: hits.length })}</Text>}
      </Group>
      {hits && hits.length === 0 && !loading ? (
        <Center py="md">
          <Text size="sm" c="dimmed">
            {t('textSearch.none', { query: debounced })}
          </Text>
        </Center>
      ) : (
        <Stack gap={6}>
          {(hits ?? []).map((hit) => (
            <Hit key={hit.pageId} hit={hit} query={debounced} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function Hit({ hit, query }: { hit: TextHit; query: string }) {
  const { t } = useTranslation();
  const body = (
    <Group gap="md" wrap="nowrap" align="flex-start">
      <Stack gap={0} miw={150}>
        {hit.caseNo ? (
          <Text ff="monospace" fw={600} size="sm" c="indigo.8">
            {hit.caseNo}
          </Text>
        ) : (
          <Badge size="sm" variant="light" color="gray" tt="none">
            {t('textSearch.unassigned')}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {hit.subjectName || t('cases.notEntered')}
        </Text>
      </Stack>
      <Highlight highlight={query} size="sm" style={{ overflowWrap: 'anywhere' }} highlightStyles={{ padding: '0 2px', borderRadius: 3 }}>
        {hit.snippet.replace(/\s+/g, ' ')}
      </Highlight>
    </Group>
  );
  const testid = `text-hit-${hit.caseNo ?? hit.pageId}`;
  return hit.caseId ? (
    <UnstyledButton component="a" href={caseHref(hit.caseId)} data-testid={testid} className="kaiji-hit">
      {body}
    </UnstyledButton>
  ) : (
    <div data-testid={testid} className="kaiji-hit">
      {body}
    </div>
  );
}
