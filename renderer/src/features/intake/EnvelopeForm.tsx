import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCircleCheck, IconInfoCircle, IconMailbox } from '@tabler/icons-react';
import { getHotkeyHandler, useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnvelopeLogged } from '@shared/contract';
import { isoDateInJapan, isValidIsoDate } from '@shared/domain/dates';
import { deliveryLabels, deliveryMethods, tracked, type DeliveryMethod } from '@shared/domain/mail';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { eraDate, parseDay } from '../../ui/dates';
import { errorText } from '../../ui/errors';
import { hotkeyOf } from '../../ui/shortcuts';
import { useCall } from '../../ui/useCall';
import { caseHref } from '../shell/routes';
import { useLoad } from '../../ui/useLoad';
import { ResubmissionPicker } from './ResubmissionPicker';
import { couldBeIncomplete, trackingVerdict } from './tracking';
import { TrackingStatus } from './TrackingStatus';

interface Props {
  onLogged: (result: EnvelopeLogged) => void;
}

interface Errors {
  arrivedOn?: string;
  tracking?: string;
  /** A wrong check digit needs either a corrected number or an explicit override. */
  override?: string;
  overrideReason?: string;
  applications?: string;
  resubmission?: string;
  /** A server error that belongs to no single field. */
  general?: string;
}

/** NumberInput may hold '' or a partial number while typing; accept whole numbers in range only. */
const wholeIn = (value: string | number, min: number, max: number): number | null => {
  const n = typeof value === 'number' ? value : Number(value);
  return value !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** 受付: one envelope from the day's mail; each application in it becomes a case (I1, I2, M1). */
export function EnvelopeForm({ onLogged }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const today = isoDateInJapan(new Date());

  const [arrivedOn, setArrivedOn] = useState(today);
  const [delivery, setDelivery] = useState<DeliveryMethod>('ippan_kakitome');
  const [tracking, setTracking] = useState('');
  // Until the field is left (or the form sent), a number that is merely too short stays a hint.
  const [trackingTouched, setTrackingTouched] = useState(false);
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [redMarking, setRedMarking] = useState(true);
  const [senderName, setSenderName] = useState('');
  const [senderAddress, setSenderAddress] = useState('');
  const [note, setNote] = useState('');
  const [applications, setApplications] = useState<string | number>(1);
  const [errors, setErrors] = useState<Errors>({});
  // I4: the envelope is the re-sent set of a case waiting in 不備 (no new case is created).
  const [resubmission, setResubmission] = useState(false);
  const [resubmissionFor, setResubmissionFor] = useState('');
  const [waitingKey, setWaitingKey] = useState(0);
  const waiting = useLoad(() => kaiji.cases.awaitingResubmission({}), String(waitingKey));

  const dateRef = useRef<HTMLInputElement>(null);
  const trackingRef = useRef<HTMLInputElement>(null);
  const overrideRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const applicationsRef = useRef<HTMLInputElement>(null);
  const resubmissionRef = useRef<HTMLSelectElement>(null);
  const senderRef = useRef<HTMLInputElement>(null);
  const openRef = useRef<HTMLAnchorElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The cases the last envelope became: the keyboard path goes on to the case file (#13 item 5).
  const [logged, setLogged] = useState<EnvelopeLogged['cases']>([]);

  // `N` anywhere on the page, or arriving from "next envelope" (#/intake?new): start a new envelope.
  useHotkeys([[hotkeyOf('newEnvelope'), () => dateRef.current?.focus()]]);
  useEffect(() => {
    if (window.location.hash.includes('?new')) dateRef.current?.focus();
  }, []);

  const isTracked = tracked.has(delivery);
  const verdict = trackingVerdict(tracking);
  const softFormat = verdict.state === 'format' && !trackingTouched && couldBeIncomplete(tracking);
  const overriding = isTracked && verdict.state === 'check_digit' && override;
  const day = parseDay(arrivedOn);

  const clear = (field: keyof Errors) => setErrors((e) => ({ ...e, [field]: undefined, general: undefined }));

  const reset = () => {
    setTracking('');
    setTrackingTouched(false);
    setOverride(false);
    setOverrideReason('');
    setRedMarking(true);
    setSenderName('');
    setSenderAddress('');
    setNote('');
    setApplications(1);
    setResubmission(false);
    setResubmissionFor('');
    setErrors({});
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (loading) return; // Enter pressed again while the first request is on its way
    setTrackingTouched(true);
    const count = wholeIn(applications, 1, 20);
    const errs: Errors = {
      arrivedOn: isValidIsoDate(arrivedOn) ? undefined : t('setup.required'),
      tracking: isTracked && !tracking.trim() ? t('intake.trackingRequired') : undefined,
      override:
        isTracked && verdict.state === 'check_digit' && !override ? t('intake.overrideNeeded') : undefined,
      overrideReason: overriding && !overrideReason.trim() ? t('intake.overrideReasonRequired') : undefined,
      applications: !resubmission && count === null ? t('intake.applicationsInvalid') : undefined,
      resubmission: resubmission && !resubmissionFor ? t('intake.resubmission.required') : undefined,
    };
    setErrors(errs);
    // The live verdict is the server's own rule (shared/domain): a malformed number would
    // only come back refused, so keep the staff member on the field instead.
    const malformed = isTracked && verdict.state === 'format';
    const first = errs.arrivedOn
      ? dateRef
      : errs.tracking || malformed
        ? trackingRef
        : errs.override
          ? overrideRef
          : errs.overrideReason
            ? reasonRef
            : errs.applications
              ? applicationsRef
              : errs.resubmission
                ? resubmissionRef
                : null;
    if (first || (!resubmission && count === null)) {
      first?.current?.focus();
      return;
    }

    const result = await run(
      () =>
        kaiji.envelopes.log({
          arrivedOn,
          delivery,
          ...(isTracked && tracking.trim() ? { trackingNumber: tracking.trim() } : {}),
          ...(overriding ? { trackingOverrideReason: overrideReason.trim() } : {}),
          redMarking,
          senderName: senderName.trim(),
          senderAddress: senderAddress.trim(),
          note: note.trim(),
          ...(resubmission ? { applications: 1, resubmissionFor } : { applications: count ?? 1 }),
        }),
      { notify: false },
    );
    if (!result.ok) {
      if (result.error.code === 'LOCKED') return;
      const message = errorText(result.error, lang);
      if (result.error.code === 'DATE_IN_FUTURE' || result.error.code === 'INVALID_DATE') {
        setErrors({ arrivedOn: message });
        dateRef.current?.focus();
      } else if (result.error.code === 'NOT_WAITING_FOR_RESUBMISSION') {
        setErrors({ resubmission: message });
        setWaitingKey((k) => k + 1);
        resubmissionRef.current?.focus();
      } else if (result.error.code === 'TRACKING_NUMBER_INVALID') {
        setErrors({ tracking: message });
        trackingRef.current?.focus();
      } else {
        setErrors({ general: message });
      }
      return;
    }

    const caseNos = result.value.cases.map((c) => c.caseNo);
    notifications.show({
      color: 'teal',
      icon: <IconCircleCheck size={18} />,
      message: resubmission
        ? t('intake.resubmission.attached', { caseNo: caseNos[0] ?? '' })
        : t('intake.created', { caseNos: caseNos.join(t('intake.listSep')) }),
    });
    if (resubmission) setWaitingKey((k) => k + 1);
    reset();
    setLogged(result.value.cases);
    onLogged(result.value);
    // Next: the new case file (Enter), or Tab back into the form for another envelope.
    window.setTimeout(() => openRef.current?.focus(), 0);
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <form
        onSubmit={submit}
        noValidate
        data-testid="envelope-form"
        // Ctrl/⌘+Enter sends from any field, the memo's textarea included (Enter there is a new line).
        onKeyDown={getHotkeyHandler([['mod+Enter', () => formRef.current?.requestSubmit()]])}
        ref={formRef}
      >
        <Stack gap="md">
          <Group gap="xs">
            <IconMailbox size={20} stroke={1.6} color="var(--mantine-color-indigo-6)" />
            <Title order={4}>{t('intake.formTitle')}</Title>
          </Group>

          {errors.general && (
            <Alert data-testid="envelope-error" color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {errors.general}
            </Alert>
          )}

          <Grid gap="md" align="flex-start">
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <TextInput
                ref={dateRef}
                data-testid="envelope-date"
                type="date"
                label={t('intake.arrivedOn')}
                value={arrivedOn}
                max={today}
                onChange={(e) => {
                  setArrivedOn(e.currentTarget.value);
                  clear('arrivedOn');
                }}
                description={day ? t('intake.era', { date: eraDate(day) }) : undefined}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                error={errors.arrivedOn}
                required
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <NativeSelect
                data-testid="envelope-delivery"
                label={t('intake.delivery')}
                value={delivery}
                onChange={(e) => {
                  setDelivery(e.currentTarget.value as DeliveryMethod);
                  clear('tracking');
                }}
                data={deliveryMethods.map((m) => ({ value: m, label: deliveryLabels[m][lang] }))}
                required
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              {!resubmission && (
                <NumberInput
                  ref={applicationsRef}
                  data-testid="envelope-applications"
                  label={t('intake.applications')}
                  description={t('intake.applicationsHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  value={applications}
                  onChange={(v) => {
                    setApplications(v);
                    clear('applications');
                  }}
                  error={errors.applications}
                  min={1}
                  max={20}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="blur"
                  required
                />
              )}
            </Grid.Col>
          </Grid>

          <ResubmissionPicker
            ref={resubmissionRef}
            cases={waiting.data}
            enabled={resubmission}
            onEnabled={(on) => {
              setResubmission(on);
              clear('resubmission');
            }}
            caseId={resubmissionFor}
            onCase={(id) => {
              setResubmissionFor(id);
              clear('resubmission');
            }}
            error={errors.resubmission}
          />

          {isTracked ? (
            <Stack gap={6} maw={640}>
              <TextInput
                ref={trackingRef}
                data-testid="envelope-tracking"
                label={t('intake.tracking')}
                description={t('intake.trackingHint')}
                value={tracking}
                onChange={(e) => {
                  setTracking(e.currentTarget.value);
                  clear('tracking');
                }}
                onBlur={() => setTrackingTouched(true)}
                error={errors.tracking ?? (verdict.state === 'format' && !softFormat ? true : undefined)}
                rightSection={
                  verdict.state === 'valid' ? (
                    <IconCircleCheck size={18} stroke={1.8} color="var(--mantine-color-teal-7)" />
                  ) : undefined
                }
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                inputMode="text"
                autoComplete="off"
                spellCheck={false}
                maxLength={40}
                required
              />
              <TrackingStatus id="envelope-tracking-status" verdict={verdict} soft={softFormat} />
              {verdict.state === 'check_digit' && (
                <Stack gap="xs" pl="md" py={4} style={{ borderLeft: '3px solid var(--mantine-color-orange-3)' }}>
                  <Checkbox
                    ref={overrideRef}
                    data-testid="envelope-override"
                    label={t('intake.override')}
                    checked={override}
                    error={errors.override}
                    onChange={(e) => {
                      setOverride(e.currentTarget.checked);
                      setErrors((x) => ({ ...x, override: undefined, overrideReason: undefined, general: undefined }));
                    }}
                  />
                  {override && (
                    <TextInput
                      ref={reasonRef}
                      data-testid="envelope-override-reason"
                      label={t('intake.overrideReason')}
                      placeholder={t('intake.overrideReasonHint')}
                      value={overrideReason}
                      onChange={(e) => {
                        setOverrideReason(e.currentTarget.value);
                        clear('overrideReason');
                      }}
                      error={errors.overrideReason}
                      maxLength={300}
                      required
                    />
                  )}
                </Stack>
              )}
            </Stack>
          ) : (
            <Alert
              data-testid="envelope-untracked-note"
              color="blue"
              variant="light"
              icon={<IconInfoCircle />}
              title={t('intake.untrackedTitle')}
            >
              {t('intake.untracked')}
            </Alert>
          )}

          <Stack gap={4}>
            <Checkbox
              data-testid="envelope-red-marking"
              label={t('intake.redMarking')}
              checked={redMarking}
              onChange={(e) => setRedMarking(e.currentTarget.checked)}
            />
            {!redMarking && (
              <Text data-testid="envelope-red-marking-note" size="xs" c="dimmed" pl={32}>
                {t('intake.redMarkingNote')}
              </Text>
            )}
          </Stack>

          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <TextInput
                ref={senderRef}
                data-testid="envelope-sender-name"
                label={t('intake.senderName')}
                value={senderName}
                onChange={(e) => setSenderName(e.currentTarget.value)}
                maxLength={120}
                autoComplete="off"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <TextInput
                data-testid="envelope-sender-address"
                label={t('intake.senderAddress')}
                value={senderAddress}
                onChange={(e) => setSenderAddress(e.currentTarget.value)}
                maxLength={300}
                autoComplete="off"
              />
            </Grid.Col>
          </Grid>
          <Textarea
            data-testid="envelope-note"
            label={t('intake.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
            maxRows={6}
          />

          <Group justify="space-between" wrap="wrap">
            <Group gap="xs" data-testid="envelope-logged" aria-live="polite">
              {logged.length > 0 && (
                <>
                  <Text size="sm" c="dimmed">
                    {t('intake.openLogged')}
                  </Text>
                  {logged.map((c, i) => (
                    <Anchor key={c.id} ref={i === 0 ? openRef : undefined} href={caseHref(c.id)} ff="monospace" fw={600} size="sm" data-testid={`envelope-open-${c.caseNo}`}>
                      {c.caseNo}
                    </Anchor>
                  ))}
                </>
              )}
            </Group>
            <Button data-testid="envelope-submit" type="submit" loading={loading}>
              {t('intake.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
