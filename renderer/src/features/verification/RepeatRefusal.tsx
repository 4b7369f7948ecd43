import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EarlierCase } from '@shared/domain/verification/repeat-requests';
import { MIN_REFUSAL_REASON_LENGTH } from '@shared/domain/verification/repeat-requests';
import type { RuleResult } from '@shared/domain/verification/types';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { formatDay } from '../../ui/dates';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { errorText } from '../../ui/errors';
import { useCall } from '../../ui/useCall';

const refuseSchema = contractSchema('cases.refuseAsRepeated');

/**
 * R3: an administrator refuses the request as repeated, naming the earlier requests (from the
 * checklist's R3 line) and writing the reason; the services check both again.
 */
export function RepeatRefusal({ caseId, r3, onRefused }: { caseId: string; r3: RuleResult; onRefused: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const earlier = ((r3.details?.cases as EarlierCase[] | undefined) ?? []).slice();
  const [open, setOpen] = useState(false);
  // #13 item 11c: `cases.refuseAsRepeated`'s own schema, plus R3's reason length (the service's rule).
  const { form, submit } = useContractForm({
    schema: refuseSchema,
    initialValues: { earlierCaseNos: [] as string[], reason: '' },
    toInput: (v: { earlierCaseNos: string[]; reason: string }) => ({ id: caseId, ...v }),
    rules: (v) => ({
      earlierCaseNos: v.earlierCaseNos.length === 0 && t('repeatRefusal.pickOne'),
      reason: v.reason.replace(/[\s\u3000]+/g, '').length < MIN_REFUSAL_REASON_LENGTH && t('repeatRefusal.reasonShort', { n: MIN_REFUSAL_REASON_LENGTH }),
    }),
  });
  const [error, setError] = useState<string | null>(null);

  const onSubmit = submit(async (input) => {
    setError(null);
    const result = await run(() => kaiji.cases.refuseAsRepeated(input), { notify: false });
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('repeatRefusal.done') });
      setOpen(false);
      onRefused();
    } else {
      setError(errorText(result.error, lang));
    }
  });

  if (earlier.length === 0) return null;
  return (
    <>
      <Group>
        <Button data-testid="refuse-repeated" size="xs" variant="outline" color="red" onClick={() => setOpen(true)}>
          {t('repeatRefusal.open')}
        </Button>
      </Group>
      <Modal opened={open} onClose={() => !loading && setOpen(false)} title={t('repeatRefusal.title')} centered>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('repeatRefusal.intro')}</Text>
            <Checkbox.Group
              label={t('repeatRefusal.earlier')}
              {...form.getInputProps('earlierCaseNos')}
            >
              <Stack gap={4} mt={4}>
                {earlier.map((c) => (
                  <Checkbox key={c.caseNo} value={c.caseNo} label={`${c.caseNo}（${formatDay(c.receivedOn, lang)}・${c.kinds.join('/')}）`} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Textarea
              data-testid="refuse-repeated-reason"
              label={t('repeatRefusal.reason')}
              description={t('repeatRefusal.reasonHint', { n: MIN_REFUSAL_REASON_LENGTH })}
              {...form.getInputProps('reason')}
              autosize
              minRows={3}
              maxLength={2000}
              required
            />
            {error && (
              <Text size="sm" c="red.8" role="alert">
                {error}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)} disabled={loading}>
                {t('common.cancel')}
              </Button>
              <Button data-testid="refuse-repeated-confirm" color="red" type="submit" loading={loading}>
                {t('repeatRefusal.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
