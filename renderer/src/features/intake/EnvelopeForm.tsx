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
import { isoDateInJapan } from '@shared/domain/dates';
import { deliveryLabels, deliveryMethods, tracked, type DeliveryMethod } from '@shared/domain/mail';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { eraDate, parseDay } from '../../ui/dates';
import { contractSchema, useContractForm } from '../../ui/contractForm';
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

// #13 item 11c: the fields are checked by `envelopes.log`'s own schema before any call; what one
// schema cannot say (the tracking rules of M1 across delivery, number and override; the case a
// re-sent set belongs to) comes from the same shared rule the service runs (trackingVerdict).
const logSchema = contractSchema('envelopes.log');

interface EnvelopeValues {
  arrivedOn: string;
  delivery: DeliveryMethod;
  trackingNumber: string;
  /** A wrong check digit needs either a corrected number or an explicit override. */
  override: boolean;
  trackingOverrideReason: string;
  redMarking: boolean;
  senderName: string;
  senderAddress: string;
  note: string;
  /** NumberInput holds '' while emptied (the schema then says "required"). */
  applications: number | string;
  /** I4: the envelope is the re-sent set of a case waiting in 不備 (no new case is created). */
  resubmission: boolean;
  resubmissionFor: string;
}

const overriding = (v: EnvelopeValues) => tracked.has(v.delivery) && trackingVerdict(v.trackingNumber).state === 'check_digit' && v.override;

/** The channel's input from the fields: a number only for tracked mail, an override reason only when overriding. */
const envelopeInput = (v: EnvelopeValues) => ({
  arrivedOn: v.arrivedOn,
  delivery: v.delivery,
  ...(tracked.has(v.delivery) && v.trackingNumber.trim() ? { trackingNumber: v.trackingNumber } : {}),
  ...(overriding(v) ? { trackingOverrideReason: v.trackingOverrideReason } : {}),
  redMarking: v.redMarking,
  senderName: v.senderName,
  senderAddress: v.senderAddress,
  note: v.note,
  ...(v.resubmission ? { applications: 1, ...(v.resubmissionFor ? { resubmissionFor: v.resubmissionFor } : {}) } : { applications: v.applications }),
});

/** 受付: one envelope from the day's mail; each application in it becomes a case (I1, I2, M1). */
export function EnvelopeForm({ onLogged }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const today = isoDateInJapan(new Date());
  // The tracking verdict's own words stand under the field; the field itself is only marked.
  const malformed = t('intake.trackingState.format');
  const { form, submit } = useContractForm({
    schema: logSchema,
    initialValues: {
      arrivedOn: today,
      delivery: 'ippan_kakitome',
      trackingNumber: '',
      override: false,
      trackingOverrideReason: '',
      redMarking: true,
      senderName: '',
      senderAddress: '',
      note: '',
      applications: 1,
      resubmission: false,
      resubmissionFor: '',
    } as EnvelopeValues,
    toInput: envelopeInput,
    rules: (v: EnvelopeValues) => {
      const isTracked = tracked.has(v.delivery);
      const state = trackingVerdict(v.trackingNumber).state;
      return {
        trackingNumber: isTracked && (!v.trackingNumber.trim() ? t('intake.trackingRequired') : state === 'format' && malformed),
        override: isTracked && state === 'check_digit' && !v.override && t('intake.overrideNeeded'),
        trackingOverrideReason: overriding(v) && !v.trackingOverrideReason.trim() && t('intake.overrideReasonRequired'),
        resubmissionFor: v.resubmission && !v.resubmissionFor && t('intake.resubmission.required'),
      };
    },
  });
  const v = form.values;
  // Until the field is left (or the form sent), a number that is merely too short stays a hint.
  const [trackingTouched, setTrackingTouched] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [waitingKey, setWaitingKey] = useState(0);
  const waiting = useLoad(() => kaiji.cases.awaitingResubmission({}), String(waitingKey));

  const dateRef = useRef<HTMLInputElement>(null);
  const resubmissionRef = useRef<HTMLSelectElement>(null);
  const openRef = useRef<HTMLAnchorElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The cases the last envelope became: the keyboard path goes on to the case file (#13 item 5).
  const [logged, setLogged] = useState<EnvelopeLogged['cases']>([]);

  // `N` anywhere on the page, or arriving from "next envelope" (#/intake?new): start a new envelope.
  useHotkeys([[hotkeyOf('newEnvelope'), () => dateRef.current?.focus()]]);
  useEffect(() => {
    if (window.location.hash.includes('?new')) dateRef.current?.focus();
  }, []);

  const isTracked = tracked.has(v.delivery);
  const verdict = trackingVerdict(v.trackingNumber);
  const softFormat = verdict.state === 'format' && !trackingTouched && couldBeIncomplete(v.trackingNumber);
  const day = parseDay(v.arrivedOn);
  const trackingError = form.errors.trackingNumber;

  // Any change clears the message that belonged to no single field.
  useEffect(() => setGeneral(null), [v]);

  const reset = () => {
    // The day and the delivery method stay: the next envelope of the day's mail is usually alike.
    form.setValues({ trackingNumber: '', override: false, trackingOverrideReason: '', redMarking: true, senderName: '', senderAddress: '', note: '', applications: 1, resubmission: false, resubmissionFor: '' });
    form.clearErrors();
    setTrackingTouched(false);
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    setTrackingTouched(true);
    submit(async (input) => {
      if (loading) return; // Enter pressed again while the first request is on its way
      const resubmission = input.resubmissionFor !== undefined;
      const result = await run(() => kaiji.envelopes.log(input), { notify: false });
      if (!result.ok) {
        if (result.error.code === 'LOCKED') return;
        const message = errorText(result.error, lang);
        if (result.error.code === 'DATE_IN_FUTURE' || result.error.code === 'INVALID_DATE') {
          form.setFieldError('arrivedOn', message);
          dateRef.current?.focus();
        } else if (result.error.code === 'NOT_WAITING_FOR_RESUBMISSION') {
          form.setFieldError('resubmissionFor', message);
          setWaitingKey((k) => k + 1);
          resubmissionRef.current?.focus();
        } else if (result.error.code === 'TRACKING_NUMBER_INVALID') {
          form.setFieldError('trackingNumber', message);
          form.getInputNode('trackingNumber')?.focus();
        } else {
          setGeneral(message);
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
    })(e);
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <form
        onSubmit={onSubmit}
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

          {general && (
            <Alert data-testid="envelope-error" color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {general}
            </Alert>
          )}

          <Grid gap="md" align="flex-start">
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <TextInput
                ref={dateRef}
                data-testid="envelope-date"
                type="date"
                label={t('intake.arrivedOn')}
                max={today}
                description={day ? t('intake.era', { date: eraDate(day) }) : undefined}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                required
                {...form.getInputProps('arrivedOn')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <NativeSelect
                data-testid="envelope-delivery"
                label={t('intake.delivery')}
                {...form.getInputProps('delivery')}
                data={deliveryMethods.map((m) => ({ value: m, label: deliveryLabels[m][lang] }))}
                required
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              {!v.resubmission && (
                <NumberInput
                  data-testid="envelope-applications"
                  label={t('intake.applications')}
                  description={t('intake.applicationsHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  {...form.getInputProps('applications')}
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
            enabled={v.resubmission}
            onEnabled={(on) => form.setFieldValue('resubmission', on)}
            caseId={v.resubmissionFor}
            onCase={(id) => form.setFieldValue('resubmissionFor', id)}
            error={form.errors.resubmissionFor as string | undefined}
            path="resubmissionFor"
          />

          {isTracked ? (
            <Stack gap={6} maw={640}>
              <TextInput
                data-testid="envelope-tracking"
                label={t('intake.tracking')}
                description={t('intake.trackingHint')}
                {...form.getInputProps('trackingNumber')}
                onBlur={() => setTrackingTouched(true)}
                error={trackingError === malformed ? true : (trackingError ?? (verdict.state === 'format' && !softFormat ? true : undefined))}
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
                    data-testid="envelope-override"
                    label={t('intake.override')}
                    {...form.getInputProps('override', { type: 'checkbox' })}
                  />
                  {v.override && (
                    <TextInput
                      data-testid="envelope-override-reason"
                      label={t('intake.overrideReason')}
                      placeholder={t('intake.overrideReasonHint')}
                      {...form.getInputProps('trackingOverrideReason')}
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
              {...form.getInputProps('redMarking', { type: 'checkbox' })}
            />
            {!v.redMarking && (
              <Text data-testid="envelope-red-marking-note" size="xs" c="dimmed" pl={32}>
                {t('intake.redMarkingNote')}
              </Text>
            )}
          </Stack>

          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <TextInput
                data-testid="envelope-sender-name"
                label={t('intake.senderName')}
                {...form.getInputProps('senderName')}
                maxLength={120}
                autoComplete="off"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <TextInput
                data-testid="envelope-sender-address"
                label={t('intake.senderAddress')}
                {...form.getInputProps('senderAddress')}
                maxLength={300}
                autoComplete="off"
              />
            </Grid.Col>
          </Grid>
          <Textarea
            data-testid="envelope-note"
            label={t('intake.note')}
            {...form.getInputProps('note')}
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
