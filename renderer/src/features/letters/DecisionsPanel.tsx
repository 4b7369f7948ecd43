import { Alert, Badge, Button, Checkbox, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@shared/contract';
import type { CaseDecision } from '@shared/contract/letters-types';
import { DECISION_GROUNDS, DECISION_GROUND_LABELS, DECISION_OUTCOMES, DECISION_OUTCOME_LABELS, type DecisionGround, type DecisionOutcome } from '@shared/domain/decisions';
import { REQUEST_KIND_LABELS, type RequestKind } from '@shared/domain/page-kind';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { errorText } from '../../ui/errors';
import { formatTime } from '../../ui/dates';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { useCall } from '../../ui/useCall';
import { useLoad } from '../../ui/useLoad';
import { useVault } from '../../ui/vault';

const OPEN_FOR_DECISIONS = ['accepted', 'deciding'];
const OUTCOME_COLORS: Record<DecisionOutcome, string> = { done: 'teal', partial: 'orange', not_done: 'red', no_data: 'gray', alternative: 'grape' };

/** 決定 on the case file: one decision per requested kind (R1-R4), recorded by the administrator. */
export function DecisionsPanel({ detail, reloadKey, onChanged }: { detail: CaseDetail; reloadKey: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { status } = useVault();
  const isAdmin = status.user?.role === 'administrator';
  const caseId = detail.case.id;
  const [local, setLocal] = useState(0);
  const { data } = useLoad(() => kaiji.decisions.list({ caseId }), `${caseId}#${reloadKey}#${local}`);
  if (!data) return null;
  const open = OPEN_FOR_DECISIONS.includes(data.caseStatus);
  const decided = new Map(data.decisions.map((d) => [d.kind, d]));
  const allDecided = data.requestedKinds.length > 0 && data.requestedKinds.every((k) => decided.has(k));

  return (
    <Paper withBorder radius="md" p="md" data-testid="decisions">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>{t('decisions.title')}</Title>
          {allDecided && (
            <Badge color="teal" variant="light" tt="none" data-testid="decisions-complete">
              {t('decisions.allDecided')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('decisions.intro')}
        </Text>
        {data.requestedKinds.length === 0 && (
          <Alert color="orange" variant="light">
            {t('decisions.noKinds')}
          </Alert>
        )}
        {data.requestedKinds.map((kind) => (
          <KindDecisionCard
            key={kind}
            caseId={caseId}
            kind={kind}
            decision={decided.get(kind)}
            editable={isAdmin && open}
            onSaved={() => {
              setLocal((v) => v + 1);
              onChanged();
            }}
          />
        ))}
        {!isAdmin && open && (
          <Text size="xs" c="dimmed">
            {t('decisions.adminOnly')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function KindDecisionCard({ caseId, kind, decision, editable, onSaved }: { caseId: string; kind: RequestKind; decision?: CaseDecision; editable: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder radius="sm" p="sm" data-testid={`decision-${kind}`} data-outcome={decision?.outcome ?? ''}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>
              {kind} {REQUEST_KIND_LABELS[kind][lang]}
            </Text>
            {decision ? (
              <Badge color={OUTCOME_COLORS[decision.outcome]} variant="light" tt="none">
                {DECISION_OUTCOME_LABELS[decision.outcome][lang]}
              </Badge>
            ) : (
              <Badge color="gray" variant="outline" tt="none">
                {t('decisions.notYet')}
              </Badge>
            )}
          </Group>
          {decision && !editing && <DecisionSummary decision={decision} />}
        </Stack>
        {editable && !editing && (
          <Button size="xs" variant="light" data-testid={`decide-${kind}`} onClick={() => setEditing(true)}>
            {decision ? t('decisions.change') : t('decisions.edit')}
          </Button>
        )}
      </Group>
      {editing && (
        <DecisionForm
          caseId={caseId}
          kind={kind}
          initial={decision}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
        />
      )}
    </Paper>
  );
}

function DecisionSummary({ decision }: { decision: CaseDecision }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap={2}>
      {decision.grounds.map((g) => (
        <Text key={g} size="sm">
          ・{DECISION_GROUND_LABELS[g][lang]}（{DECISION_GROUND_LABELS[g].law[lang]}）
        </Text>
      ))}
      {decision.reasonText && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {decision.reasonText}
        </Text>
      )}
      {decision.alternativeMeasure && <Text size="sm">{decision.alternativeMeasure}</Text>}
      {decision.enclosures.length > 0 && <Text size="sm">{decision.enclosures.join(' / ')}</Text>}
      <Text size="xs" c="dimmed">
        {t('decisions.decidedBy', { name: decision.decidedByName ?? '', date: formatTime(decision.decidedAt, lang) })}
      </Text>
    </Stack>
  );
}

const recordSchema = contractSchema('decisions.record');
interface DecisionValues {
  outcome: DecisionOutcome;
  grounds: DecisionGround[];
  reasonText: string;
  alternativeMeasure: string;
  /** One enclosure per line. */
  enclosures: string;
}
const needsGroundsFor = (outcome: DecisionOutcome) => outcome === 'partial' || outcome === 'not_done';
const hasEnclosuresFor = (kind: RequestKind, outcome: DecisionOutcome) => (kind === 'K1' || kind === 'K6') && (outcome === 'done' || outcome === 'partial');

function DecisionForm({ caseId, kind, initial, onCancel, onSaved }: { caseId: string; kind: RequestKind; initial?: CaseDecision; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  // #13 item 11c: checked by `decisions.record`'s own schema (an enclosure line is shown at the box).
  const { form, submit } = useContractForm({
    schema: recordSchema,
    initialValues: {
      outcome: initial?.outcome ?? 'done',
      grounds: [...(initial?.grounds ?? [])],
      reasonText: initial?.reasonText ?? '',
      alternativeMeasure: initial?.alternativeMeasure ?? '',
      enclosures: (initial?.enclosures ?? []).join('\n'),
    } as DecisionValues,
    toInput: (v: DecisionValues) => ({
      caseId,
      kind,
      outcome: v.outcome,
      grounds: needsGroundsFor(v.outcome) ? v.grounds : [],
      reasonText: v.reasonText,
      ...(v.outcome === 'alternative' ? { alternativeMeasure: v.alternativeMeasure } : {}),
      ...(hasEnclosuresFor(kind, v.outcome) ? { enclosures: v.enclosures.split('\n').map((l) => l.trim()).filter(Boolean) } : {}),
    }),
    fieldOf: (path) => path.replace(/^(enclosures|grounds)\..*$/, '$1'),
  });
  const { outcome } = form.values;
  const [error, setError] = useState<string | null>(null);
  const outcomes = DECISION_OUTCOMES.filter((o) => o !== 'alternative' || kind === 'K4' || kind === 'K5');
  const needsGrounds = needsGroundsFor(outcome);
  const hasEnclosures = hasEnclosuresFor(kind, outcome);

  const save = submit(async (input) => {
    setError(null);
    const result = await run(() => kaiji.decisions.record(input), { notify: false });
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('decisions.saved', { kind }) });
      onSaved();
    } else setError(errorText(result.error, lang));
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="sm" mt="sm" data-testid={`decision-form-${kind}`}>
        <Radio.Group label={t('decisions.outcome')} {...form.getInputProps('outcome')}>
          <Group gap="md" mt={4}>
            {outcomes.map((o) => (
              <Radio key={o} value={o} label={DECISION_OUTCOME_LABELS[o][lang]} data-testid={`outcome-${o}`} />
            ))}
          </Group>
        </Radio.Group>
        {needsGrounds && (
          <Checkbox.Group label={t('decisions.grounds')} description={t('decisions.groundsHint')} {...form.getInputProps('grounds')}>
            <Stack gap={6} mt={6}>
              {DECISION_GROUNDS.map((g) => (
                <Checkbox
                  key={g}
                  value={g}
                  data-testid={`ground-${g}`}
                  label={DECISION_GROUND_LABELS[g][lang]}
                  description={DECISION_GROUND_LABELS[g].law[lang]}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Textarea label={t('decisions.reasonText')} autosize minRows={2} maxRows={8} maxLength={5000} {...form.getInputProps('reasonText')} data-testid="decision-reason" />
        {outcome === 'alternative' && (
          <Textarea label={t('decisions.alternativeMeasure')} autosize minRows={2} maxLength={2000} {...form.getInputProps('alternativeMeasure')} data-testid="decision-measure" />
        )}
        {hasEnclosures && (
          <Textarea label={t('decisions.enclosures')} autosize minRows={2} {...form.getInputProps('enclosures')} data-testid="decision-enclosures" />
        )}
        {error && (
          <Alert color="red" variant="light" role="alert" data-testid="decision-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" size="xs" onClick={onCancel} disabled={loading}>
            {t('decisions.cancel')}
          </Button>
          <Button size="xs" type="submit" loading={loading} data-testid="decision-save">
            {t('decisions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
