import { Alert, Button, Grid, NativeSelect, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEraDate } from '@shared/domain/era';
import { payableUntil } from '@shared/domain/money-orders';
import { MONEY_ORDER_FACE_VALUES } from '@shared/domain/verification/fees';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';
import { contractSchema, useContractForm } from '../../ui/contractForm';
import { errorText } from '../../ui/errors';
import { useCall } from '../../ui/useCall';
import { EraDateInput, readDate } from '../../ui/EraDateInput';
import { yen } from './format';

// #13 item 11c: the fields are checked by `moneyOrders.record`'s own schema before any call.
const recordSchema = contractSchema('moneyOrders.record');
interface OrderValues {
  certificateNo: string;
  faceValue: string;
  /** Dates as typed (era or Western); the input carries them read to ISO. */
  issuedOn: string;
  issuingOffice: string;
  receivedOn: string;
}

/** 定額小為替を記録 (F1): certificate number, one of the 12 face values, issue date and office, received date. */
export function MoneyOrderForm({ caseId, receivedOn, onRecorded }: { caseId: string; receivedOn: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, loading } = useCall();
  const [error, setError] = useState<string | null>(null);
  const { form, submit, showServerError } = useContractForm({
    schema: recordSchema,
    initialValues: { certificateNo: '', faceValue: '1000', issuedOn: '', issuingOffice: '', receivedOn } satisfies OrderValues,
    toInput: (v: OrderValues) => ({ ...v, caseId, faceValue: Number(v.faceValue), issuedOn: readDate(v.issuedOn) ?? v.issuedOn, receivedOn: readDate(v.receivedOn) ?? v.receivedOn }),
  });

  const issuedIso = readDate(form.values.issuedOn);
  const until = issuedIso ? payableUntil(issuedIso) : null;

  const onSubmit = submit(async (input) => {
    setError(null);
    const result = await run(() => kaiji.moneyOrders.record(input), { notify: false });
    if (result.ok) {
      notifications.show({ color: 'teal', message: t('moneyOrders.form.recorded') });
      form.setValues({ certificateNo: '', issuedOn: '' });
      onRecorded();
    } else if (!showServerError(result.error, errorText(result.error, lang))) setError(errorText(result.error, lang));
  });

  return (
    <form data-testid="order-form" onSubmit={onSubmit} noValidate aria-label={t('moneyOrders.form.title')}>
      <Stack gap="sm">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <TextInput
              data-testid="order-certificate"
              label={t('moneyOrders.form.certificateNo')}
              maxLength={40}
              required
              {...form.getInputProps('certificateNo')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <NativeSelect
              data-testid="order-face-value"
              label={t('moneyOrders.form.faceValue')}
              {...form.getInputProps('faceValue')}
              data={MONEY_ORDER_FACE_VALUES.map((v) => ({ value: String(v), label: t('moneyOrders.yen', { amount: yen(v) }) }))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              data-testid="order-office"
              label={t('moneyOrders.form.issuingOffice')}
              maxLength={120}
              required
              {...form.getInputProps('issuingOffice')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <EraDateInput
              testId="order-issued"
              label={t('moneyOrders.form.issuedOn')}
              required
              {...form.getInputProps('issuedOn')}
              extra={until ? t('moneyOrders.form.payableUntil', { date: lang === 'ja' ? formatEraDate(until) : until }) : undefined}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <EraDateInput testId="order-received" label={t('moneyOrders.form.receivedOn')} required {...form.getInputProps('receivedOn')} />
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
