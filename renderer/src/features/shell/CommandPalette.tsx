import { Badge } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { Spotlight, spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';

type SpotlightActions = SpotlightActionData | SpotlightActionGroupData;
import { IconFolder, IconKeyboard, IconLanguage, IconLock, IconMailbox, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary, SessionUser } from '@shared/contract';
import { kaiji } from '../../api';
import { setLang, useLang } from '../../i18n';
import { formatDay } from '../../ui/dates';
import { hotkeyOf, SEARCH_ATTR } from '../../ui/shortcuts';
import { useVault } from '../../ui/vault';
import { isCaseStatus } from '../cases/status';
import { goTo } from './location';
import { canOpen, caseHref, hrefOf, navOrder } from './routes';
import { routeLabel } from './ShellNav';
import { openShortcutSheet } from './ShortcutSheet';

/** How many cases the palette offers for a typed number or name. */
const CASE_HITS = 8;

/**
 * Ctrl/⌘+K (#13 item 5): go to a page, open a case by number or name, or run an action, without
 * the mouse. Built on Mantine Spotlight (same version as @mantine/core): arrow keys and Enter
 * inside, focus returns where it was on close.
 */
export function CommandPalette({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { refresh } = useVault();
  const [query, setQuery] = useState('');
  const [typed] = useDebouncedValue(query.trim(), 200);
  const searchCases = canOpen('cases', user.role) && typed.length > 0;
  // cases.list searches by case number, reading or name prefix (one index range; audited, S3).
  const [found, setFound] = useState<{ query: string; cases: CaseSummary[] } | null>(null);
  useEffect(() => {
    if (!searchCases) return;
    let current = true;
    void kaiji.cases.list({ query: typed, limit: CASE_HITS }).then((r) => {
      // A late answer for an earlier query is dropped.
      if (current && r.ok) setFound({ query: typed, cases: r.value.cases });
    });
    return () => {
      current = false;
    };
  }, [searchCases, typed]);

  useHotkeys([
    // `/` focuses the page's own search box; a page without one gets the palette.
    [
      hotkeyOf('search'),
      () => {
        const box = document.querySelector<HTMLInputElement>(`[${SEARCH_ATTR}]`);
        if (box) {
          box.focus();
          box.select();
        } else spotlight.open();
      },
    ],
    [hotkeyOf('sheet'), () => openShortcutSheet()],
  ]);

  const actions = useMemo<SpotlightActions[]>(() => {
    const pages: SpotlightActionGroupData = {
      group: t('shortcuts.palette.pages'),
      actions: navOrder(user.role).map((route) => ({
        id: `page:${route}`,
        label: routeLabel(route, t),
        keywords: [route],
        leftSection: <IconFolder size={18} stroke={1.6} />,
        onClick: () => goTo(hrefOf(route)),
      })),
    };
    const commands: SpotlightActionData[] = [
      ...(canOpen('intake', user.role)
        ? [
            {
              id: 'do:envelope',
              label: t('shortcuts.palette.logEnvelope'),
              keywords: ['envelope', '受付', 'intake'],
              leftSection: <IconMailbox size={18} stroke={1.6} />,
              onClick: () => goTo(`${hrefOf('intake')}?new`),
            },
          ]
        : []),
      {
        id: 'do:shortcuts',
        label: t('shortcuts.palette.showShortcuts'),
        keywords: ['?', 'keys', 'キー'],
        leftSection: <IconKeyboard size={18} stroke={1.6} />,
        onClick: () => openShortcutSheet(),
      },
      {
        id: 'do:lang',
        label: t('shortcuts.palette.switchLang'),
        keywords: ['language', '言語', 'English', '日本語'],
        leftSection: <IconLanguage size={18} stroke={1.6} />,
        onClick: () => setLang(lang === 'ja' ? 'en' : 'ja'),
      },
      {
        id: 'do:lock',
        label: t('shortcuts.palette.lock'),
        keywords: ['lock', 'ロック'],
        leftSection: <IconLock size={18} stroke={1.6} />,
        onClick: () => void kaiji.vault.lock({}).then(() => refresh()),
      },
    ];
    const cases: SpotlightActionData[] = (searchCases && found?.query === typed ? found.cases : []).map((c) => ({
      id: `case:${c.id}`,
      label: c.caseNo,
      description: [c.subjectName || t('cases.notEntered'), formatDay(c.receivedOn, lang)].join(' · '),
      leftSection: <IconSearch size={18} stroke={1.6} />,
      rightSection: isCaseStatus(c.status) ? (
        <Badge size="sm" variant="light" radius="sm" tt="none">
          {t(`cases.statuses.${c.status}`)}
        </Badge>
      ) : undefined,
      onClick: () => goTo(caseHref(c.id)),
    }));
    return [
      ...(cases.length > 0 ? [{ group: t('shortcuts.palette.cases'), actions: cases }] : []),
      pages,
      { group: t('shortcuts.palette.actions'), actions: commands },
    ];
  }, [t, lang, user.role, refresh, searchCases, typed, found]);

  return (
    <Spotlight
      data-testid="command-palette"
      actions={actions}
      query={query}
      onQueryChange={setQuery}
      // The server already matched cases (number, reading, name); pages and actions match here.
      filter={(q, list) => filterActions(q, list)}
      shortcut={hotkeyOf('palette')}
      // Ctrl+K works from inside a text field too; `/` and `?` do not (typing must win).
      tagsToIgnore={[]}
      nothingFound={t('shortcuts.palette.nothing')}
      highlightQuery
      scrollable
      maxHeight={420}
      searchProps={{
        leftSection: <IconSearch size={18} stroke={1.6} />,
        placeholder: t('shortcuts.palette.placeholder'),
        'aria-label': t('shortcuts.palette.placeholder'),
        // @ts-expect-error data attributes pass through to the input
        'data-testid': 'command-palette-input',
        // Spotlight selects the first match as the query changes; case hits arrive a moment later
        // (from the server), so Enter with nothing selected opens the first one shown.
        onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
          const list = document.querySelector('.mantine-Spotlight-actionsList');
          if (list && !list.querySelector('[data-selected]')) list.querySelector<HTMLElement>('[data-action]')?.click();
        },
      }}
    />
  );
}

const matches = (q: string, a: SpotlightActionData) => {
  const hay = [a.label ?? '', a.description ?? '', ...(Array.isArray(a.keywords) ? a.keywords : [a.keywords ?? ''])].join(' ').toLowerCase();
  return hay.includes(q);
};

/** Case hits stay as the server found them; everything else by a plain substring match. */
export function filterActions(query: string, list: SpotlightActions[]): SpotlightActions[] {
  const q = query.trim().toLowerCase();
  if (!q) return list;
  return list
    .map((item) => {
      if (!('group' in item) || !('actions' in item)) return matches(q, item as SpotlightActionData) ? item : null;
      const group = item as SpotlightActionGroupData;
      const kept = group.actions.every((a) => a.id.startsWith('case:')) ? group.actions : group.actions.filter((a) => matches(q, a));
      return kept.length > 0 ? { ...group, actions: kept } : null;
    })
    .filter((x): x is SpotlightActions => x !== null);
}
