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
import { errorText } from '../../ui/errors';
import { useCall } from '../../ui/useCall';

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
  const [picked, setPicked] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (picked.length === 0) return setError(t('repeatRefusal.pickOne'));
    if (reason.replace(/[\s\u3000]+/g, '').length < MIN_REFUSAL_REASON_LENGTH) return setError(t('repeatRefusal.reasonShort', { n: MIN_REFUSAL_REASON_LENGTH }));
    const result = await run(() => kaiji.cases.refuseAsRepeated({ id: caseId, reason: reason.trim(), earlierCaseNos: picked }), { notify: false });
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('repeatRefusal.done') });
      setOpen(false);
      onRefused();
    } else {
      setError(errorText(result.error, lang));
    }
  };

  if (earlier.length === 0) return null;
  return (
    <>
      <Group>
        <Button data-testid="refuse-repeated" size="xs" variant="outline" color="red" onClick={() => setOpen(true)}>
          {t('repeatRefusal.open')}
        </Button>
      </Group>
      <Modal opened={open} onClose={() => !loading && setOpen(false)} title={t('repeatRefusal.title')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('repeatRefusal.intro')}</Text>
          <Checkbox.Group
            label={t('repeatRefusal.earlier')}
            value={picked}
            onChange={(v) => {
              setPicked(v);
              setError(null);
            }}
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
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            autosize
            minRows={3}
            maxLength={2000}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)} disabled={loading}>
              {t('common.cancel')}
            </Button>
            <Button data-testid="refuse-repeated-confirm" color="red" onClick={() => void submit()} loading={loading}>
              {t('repeatRefusal.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
