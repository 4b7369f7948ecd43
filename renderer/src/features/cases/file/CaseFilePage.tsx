import { Alert, Anchor, Badge, Button, Center, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@shared/contract';
import { contract } from '@shared/contract';
import { formatEraDate } from '@shared/domain/era';
import { allows } from '@shared/roles';
import { kaiji } from '../../../api';
import { useLang } from '../../../i18n';
import { formatDay } from '../../../ui/dates';
import { useLoad } from '../../../ui/useLoad';
import { useVault } from '../../../ui/vault';
import { hotkeyOf } from '../../../ui/shortcuts';
import { goTo } from '../../shell/location';
import { caseHref, hrefOf } from '../../shell/routes';
import { isCaseStatus, statusColors } from '../status';
import { EnvelopesCard, NotesCard, TimelineCard } from './CaseSide';
import { fieldsToReview } from './fieldReview';
import { FieldsPanel } from './FieldsPanel';
import { Fold } from './Fold';
import { FreeFormText } from './FreeFormText';
import { ImportPanel } from './ImportPanel';
import { PagesPanel } from './PagesPanel';
import { TrashList } from '../../trash/TrashList';
import { AssigneeControl } from './AssigneeControl';
import { VerificationPanel } from './VerificationPanel';
import { MoneyOrderPanel } from '../../ledger/MoneyOrderPanel';
import { DecisionsPanel } from '../../letters/DecisionsPanel';
import { LettersPanel } from '../../letters/LettersPanel';
import { ProvisionMatchPanel, asksK6 } from '../../provisions/ProvisionMatchPanel';
import { DeadlinePanel } from '../../today/DeadlinePanel';
import { ObligationsCard } from '../../lifecycle/ObligationsCard';

/** 案件ファイル `#/cases/<id>`: the application as read, its pages, envelopes, notes and history. */
export function CaseFilePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { status } = useVault();
  const role = status.user?.role;
  const canEdit = allows(contract['cases.setFields'].access, role);
  const canImport = allows(contract['pages.import'].access, role);
  const [version, setVersion] = useState(0);
  const { data, failed } = useLoad(() => kaiji.cases.detail({ id }), `${id}#${version}`);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // The intake path without the mouse (#13 item 5): back to the envelope form for the next one.
  useHotkeys([[hotkeyOf('nextEnvelope'), () => goTo(`${hrefOf('intake')}?new`)]], []);
  // A new case with no pages yet: the scan drop zone has the focus (Enter opens the file picker).
  const empty = data ? data.pages.length === 0 : false;
  useEffect(() => {
    if (empty && canImport) document.querySelector<HTMLElement>('[data-testid="import-drop"]')?.focus();
  }, [empty, canImport]);

  if (!data) {
    return (
      <Stack data-testid="case-page" data-loading gap="lg">
        <BackLink />
        <Center py={80}>{failed ? <Text c="dimmed">{t('caseFile.notFound')}</Text> : <Loader size="sm" aria-label={t('app.loading')} />}</Center>
      </Stack>
    );
  }

  const review = fieldsToReview(data.fields).size;
  return (
    <Stack data-testid="case-page" data-case-no={data.case.caseNo} gap="lg">
      <BackLink />
      <CaseHeader detail={data} />
      <ObligationsCard caseId={id} reloadKey={`${version}#${data.case.status}`} onChanged={reload} />
      {data.earlierCases.length > 0 && <EarlierCases detail={data} />}
      {(data.fields.length > 0 || data.pages.length > 0) && (
        <Fold
          id="fields"
          title={t('caseFile.fields.title')}
          extra={
            review > 0 && (
              <Badge size="sm" color="orange" variant="light" radius="sm" tt="none">
                {t('caseFile.fields.reviewBadge', { count: review })}
              </Badge>
            )
          }
        >
          {/* The review task first and full width: fields beside the page they were read from (#13 item 4). */}
          <Stack gap="sm" data-testid="case-fields">
            {data.fields.length === 0 && <FreeFormText pages={data.pages} />}
            <FieldsPanel caseId={id} version={data.case.version} fields={data.fields} editable={canEdit} onSaved={reload} />
          </Stack>
        </Fold>
      )}
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Fold id="pages" title={t('caseFile.pages.title')}>
              <Paper withBorder radius="md" p="md" data-testid="case-pages">
                <Group justify="space-between" mb="sm">
                  <Group gap="xs" align="baseline">
                    <Title order={4}>{t('caseFile.pages.title')}</Title>
                    <Text size="sm" c="dimmed">
                      {t('caseFile.pages.count', { count: data.pages.length })}
                    </Text>
                  </Group>
                </Group>
                <Stack gap="md">
                  {canImport && <ImportPanel caseId={id} onImported={reload} />}
                  <PagesPanel caseId={id} pages={data.pages} editable={canEdit} onChanged={reload} />
                  {/* #13 item 3: this case's trash, shown only when it holds something. */}
                  <TrashList caseId={id} reloadKey={version} onChanged={reload} hideWhenEmpty />
                </Stack>
              </Paper>
            </Fold>
            <Fold id="verification" title={t('verification.title')}>
              <VerificationPanel detail={data} reloadKey={version} onChanged={reload} />
            </Fold>
            <Fold id="moneyOrders" title={t('moneyOrders.panel.title')}>
              <MoneyOrderPanel caseId={id} receivedOn={data.case.receivedOn} reloadKey={version} onChanged={reload} />
            </Fold>
            <Fold id="decisions" title={t('decisions.title')}>
              <DecisionsPanel detail={data} reloadKey={version} onChanged={reload} />
            </Fold>
            {asksK6(data) && (
              <Fold id="provisions" title={t('provisions.match.title')}>
                <ProvisionMatchPanel detail={data} reloadKey={version} onChanged={reload} />
              </Fold>
            )}
            <Fold id="letters" title={t('letters.panelTitle')}>
              <LettersPanel detail={data} reloadKey={version} onChanged={reload} />
            </Fold>
            {data.fields.length === 0 && data.pages.length === 0 && (
              <Stack gap="sm" data-testid="case-fields">
                <Title order={4}>{t('caseFile.fields.title')}</Title>
                <FieldsPanel caseId={id} version={data.case.version} fields={data.fields} editable={canEdit} onSaved={reload} />
              </Stack>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <DeadlinePanel caseId={id} reloadKey={version} />
            <EnvelopesCard envelopes={data.envelopes} />
            <NotesCard caseId={id} notes={data.notes} editable={canEdit} onAdded={reload} />
            <TimelineCard entries={data.timeline} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Group>
      <Button component="a" href={hrefOf('cases')} variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={16} />} data-testid="case-back">
        {t('caseFile.back')}
      </Button>
    </Group>
  );
}

function StatusBadge({ status, size = 'lg' }: { status: string; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge data-status={status} variant="light" color={isCaseStatus(status) ? statusColors[status] : 'gray'} radius="sm" tt="none" size={size}>
      {isCaseStatus(status) ? t(`cases.statuses.${status}`) : status}
    </Badge>
  );
}

function CaseHeader({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const c = detail.case;
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4}>
          <Group gap="sm" align="center">
            <Title order={2} fz={24} ff="monospace" data-testid="case-no">
              {c.caseNo}
            </Title>
            <StatusBadge status={c.status} />
          </Group>
          {c.subjectName ? (
            <Group gap="sm" align="baseline">
              <Text fz="xl" fw={600} data-testid="case-subject">
                {c.subjectName}
              </Text>
              {c.subjectKana && (
                <Text c="dimmed" size="sm">
                  {c.subjectKana}
                </Text>
              )}
            </Group>
          ) : (
            <Text c="dimmed" data-testid="case-subject" data-empty="true">
              {t('caseFile.noSubject')}
            </Text>
          )}
        </Stack>
        <Group gap="xl" wrap="wrap">
          <Fact label={t('caseFile.received')}>
            <Text fw={500} data-testid="case-received">
              {lang === 'ja' ? formatEraDate(c.receivedOn) : c.receivedOn}
            </Text>
            <Text size="xs" c="dimmed">
              {lang === 'ja' ? c.receivedOn : formatEraDate(c.receivedOn)}
            </Text>
          </Fact>
          {c.birthDate && (
            <Fact label={t('caseFile.birthDate')}>
              <Text fw={500}>{lang === 'ja' ? formatEraDate(c.birthDate) : c.birthDate}</Text>
              <Text size="xs" c="dimmed">
                {lang === 'ja' ? c.birthDate : formatEraDate(c.birthDate)}
              </Text>
            </Fact>
          )}
          {c.address && (
            <Fact label={t('caseFile.address')}>
              <Text size="sm" maw={280}>
                {c.address}
              </Text>
            </Fact>
          )}
          <AssigneeControl detail={detail} />
        </Group>
      </Group>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** I5: day 14 after arrival (Art. 39) is a hard marker on every case. */

/** R3: earlier requests of the same person, so repeats are seen before anything is decided. */
function EarlierCases({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Alert
      data-testid="case-earlier-alert"
      color="orange"
      variant="light"
      icon={<IconAlertTriangle />}
      title={t('caseFile.earlier.title')}
      role="alert"
    >
      <Text size="sm" mb="xs">
        {t('caseFile.earlier.body', { count: detail.earlierCases.length })}
      </Text>
      <Stack gap={4}>
        {detail.earlierCases.map((e) => (
          <Group key={e.id} gap="sm" wrap="wrap" data-testid={`earlier-${e.caseNo}`}>
            <Anchor href={caseHref(e.id)} ff="monospace" fw={600} size="sm">
              {e.caseNo}
            </Anchor>
            <Text size="sm">{formatDay(e.receivedOn, lang)}</Text>
            <StatusBadge status={e.status} size="sm" />
            {e.subjectName && (
              <Text size="sm" c="dimmed">
                {e.subjectName}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
