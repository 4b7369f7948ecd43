import { Alert, Button, Grid, NativeSelect, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconReceipt } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEraDate } from '@shared/domain/era';
import { payableUntil } from '@shared/domain/money-orders';
import { MONEY_ORDER_FACE_VALUES } from '@shared/domain/verification/fees';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { errorText } from '../../ui/errors';
import { useCall } from '../../ui/useCall';
import { EraDateInput, readDate } from '../../ui/EraDateInput';
import { yen } from './format';

/** 定額小為替を記録 (F1): certificate number, one of the 12 face values, issue date and office, received date. */
export function MoneyOrderForm({ caseId, receivedOn, onRecorded }: { caseId: string; receivedOn: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [certificateNo, setCertificateNo] = useState('');
  const [faceValue, setFaceValue] = useState('1000');
  const [issued, setIssued] = useState('');
  const [office, setOffice] = useState('');
  const [received, setReceived] = useState(receivedOn);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  const issuedIso = readDate(issued);
  const until = issuedIso ? payableUntil(issuedIso) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const receivedIso = readDate(received);
    if (!certificateNo.trim() || !office.trim() || !issuedIso || !receivedIso) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const result = await run(
      () =>
        kaiji.moneyOrders.record({
          caseId,
          certificateNo: certificateNo.trim(),
          faceValue: Number(faceValue),
          issuedOn: issuedIso,
          issuingOffice: office.trim(),
          receivedOn: receivedIso,
        }),
      { notify: false },
    );
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('moneyOrders.form.recorded') });
      setCertificateNo('');
      setIssued('');
      onRecorded();
    } else setError(errorText(result.error, lang));
  };

  const req = (v: string) => (missing && !v.trim() ? t('moneyOrders.form.required') : undefined);
  return (
    <form data-testid="order-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('moneyOrders.form.title')}>
      <Stack gap="sm">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <TextInput
              data-testid="order-certificate"
              label={t('moneyOrders.form.certificateNo')}
              value={certificateNo}
              onChange={(e) => setCertificateNo(e.currentTarget.value)}
              maxLength={40}
              required
              error={req(certificateNo)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <NativeSelect
              data-testid="order-face-value"
              label={t('moneyOrders.form.faceValue')}
              value={faceValue}
              onChange={(e) => setFaceValue(e.currentTarget.value)}
              data={MONEY_ORDER_FACE_VALUES.map((v) => ({ value: String(v), label: t('moneyOrders.yen', { amount: yen(v) }) }))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              data-testid="order-office"
              label={t('moneyOrders.form.issuingOffice')}
              value={office}
              onChange={(e) => setOffice(e.currentTarget.value)}
              maxLength={120}
              required
              error={req(office)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <EraDateInput
              testId="order-issued"
              label={t('moneyOrders.form.issuedOn')}
              value={issued}
              onChange={setIssued}
              required
              extra={until ? t('moneyOrders.form.payableUntil', { date: lang === 'ja' ? formatEraDate(until) : until }) : undefined}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <EraDateInput testId="order-received" label={t('moneyOrders.form.receivedOn')} value={received} onChange={setReceived} required />
          </Grid.Col>
        </Grid>
        {error && (
          <Alert color="red" variant="light" role="alert" data-testid="order-error">
            {error}
          </Alert>
        )}
        <div>
          <Button type="submit" data-testid="order-submit" loading={loading} leftSection={<IconReceipt size={16} />}>
            {t('moneyOrders.form.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
