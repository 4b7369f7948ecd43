import { Button, Divider, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/contract';
import { kaiji } from '../../api';
import { useCall } from '../../ui/useCall';
import { useVault } from '../../ui/vault';
import { wholeIn } from './useSettingsSection';
import { PostcodeChoices } from '../reading/PostcodeChoices';
import { usePostcodeAddress } from '../reading/usePostcodeAddress';

interface Props {
  initial: Settings;
}

const FORM_KEYS = ['companyName', 'companyPostalCode', 'companyAddress', 'contactPoint', 'administratorTitle', 'scannerFolder', 'idleLockMinutes', 'freeUnlockAttempts'] as const;

/** 〒 as printed on letters: 123-4567 (or empty while the office has not set it). */
const POSTAL_CODE = /^(\d{3}-?\d{4})?$/;

export function SettingsForm({ initial }: Props) {
  const { t } = useTranslation();
  const { refresh } = useVault();
  const { run, loading } = useCall();
  const [form, setForm] = useState<Settings>(initial);
  // #16 item 3: the versions this form was filled from (then what its own saves made).
  const base = useRef(initial.versions ?? {});
  const [idle, setIdle] = useState<string | number>(initial.idleLockMinutes);
  const [attempts, setAttempts] = useState<string | number>(initial.freeUnlockAttempts);
  const [errors, setErrors] = useState<{ company?: string; postal?: string; idle?: string; attempts?: string }>({});
  // 7 digits typed -> the address from Japan Post's data (editable; a typed address is kept).
  const postcode = usePostcodeAddress(form.companyPostalCode, form.companyAddress, (companyAddress) => setForm((f) => ({ ...f, companyAddress })));

  const text = (field: 'companyName' | 'companyPostalCode' | 'companyAddress' | 'contactPoint' | 'administratorTitle' | 'scannerFolder') =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [field]: value }));
      if (field === 'companyName') setErrors((x) => ({ ...x, company: undefined }));
      if (field === 'companyPostalCode') setErrors((x) => ({ ...x, postal: undefined }));
    };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const idleLockMinutes = wholeIn(idle, 1, 240);
    const freeUnlockAttempts = wholeIn(attempts, 1, 20);
    const postal = form.companyPostalCode.trim();
    const errs = {
      company: form.companyName.trim() ? undefined : t('setup.required'),
      postal: POSTAL_CODE.test(postal) ? undefined : t('settings.postalCodeHint'),
      idle: idleLockMinutes === null ? t('settings.idleHint') : undefined,
      attempts: freeUnlockAttempts === null ? t('settings.attemptsHint') : undefined,
    };
    setErrors(errs);
    if (idleLockMinutes === null || freeUnlockAttempts === null || errs.company || errs.postal) return;
    // Only this form's own keys: other sections save theirs, and a stale copy must not undo them.
    const result = await run(() =>
      kaiji.settings.update({
        companyName: form.companyName.trim(),
        companyPostalCode: postal,
        companyAddress: form.companyAddress,
        contactPoint: form.contactPoint,
        administratorTitle: form.administratorTitle,
        scannerFolder: (form.scannerFolder ?? '').trim(),
        idleLockMinutes,
        freeUnlockAttempts,
        versions: Object.fromEntries(FORM_KEYS.map((k) => [k, base.current[k] ?? 0])),
      }),
    );
    // After a conflict (useCall showed it) a second save is deliberate: over what is stored now.
    if (!result.ok && result.error.code === 'CONFLICT') base.current = initial.versions ?? {};
    if (result.ok) {
      base.current = result.value.versions ?? {};
      setForm(result.value);
      setIdle(result.value.idleLockMinutes);
      setAttempts(result.value.freeUnlockAttempts);
      notifications.show({ color: 'teal', message: t('common.saved') });
      // The header shows the company name and the server applies the new idle time.
      void refresh();
    }
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={4}>{t('settings.organization')}</Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TextInput
              data-testid="settings-company"
              label={t('settings.company')}
              value={form.companyName}
              onChange={text('companyName')}
              error={errors.company}
              maxLength={120}
              required
            />
            <TextInput
              data-testid="settings-admin-title"
              label={t('settings.adminTitle')}
              value={form.administratorTitle}
              onChange={text('administratorTitle')}
              maxLength={120}
            />
            <TextInput
              data-testid="settings-postal-code"
              label={t('settings.postalCode')}
              description={t('settings.postalCodeHint')}
              value={form.companyPostalCode}
              onChange={text('companyPostalCode')}
              error={errors.postal}
              maxLength={8}
              w={{ base: '100%', md: 200 }}
            />
            <PostcodeChoices choices={postcode.choices} unknown={postcode.unknown} onChoose={postcode.choose} />
            <Textarea
              data-testid="settings-address"
              label={t('settings.address')}
              value={form.companyAddress}
              onChange={text('companyAddress')}
              maxLength={300}
              autosize
              minRows={2}
            />
            <Textarea
              data-testid="settings-contact"
              label={t('settings.contact')}
              value={form.contactPoint}
              onChange={text('contactPoint')}
              maxLength={300}
              autosize
              minRows={2}
            />
          </SimpleGrid>
          <Divider my="xs" />
          <Title order={4}>{t('settings.sessionTitle')}</Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <NumberInput
              data-testid="settings-idle"
              label={t('settings.idle')}
              description={t('settings.idleHint')}
              value={idle}
              onChange={setIdle}
              error={errors.idle}
              min={1}
              max={240}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="blur"
            />
            <NumberInput
              data-testid="settings-attempts"
              label={t('settings.attempts')}
              description={t('settings.attemptsHint')}
              value={attempts}
              onChange={setAttempts}
              error={errors.attempts}
              min={1}
              max={20}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="blur"
            />
          </SimpleGrid>
          <Divider my="xs" />
          <Title order={4}>{t('settings.scannerTitle')}</Title>
          <TextInput
            data-testid="settings-scanner-folder"
            label={t('settings.scannerFolder')}
            description={t('settings.scannerFolderHint')}
            placeholder={t('settings.scannerFolderPlaceholder')}
            value={form.scannerFolder ?? ''}
            onChange={text('scannerFolder')}
            maxLength={1000}
            ff="monospace"
            spellCheck={false}
            autoComplete="off"
          />
          <Text size="xs" c="dimmed" maw={760}>
            {t('settings.scannerFolderSafety')}
          </Text>
          <Group justify="flex-end">
            <Button data-testid="settings-save" type="submit" loading={loading}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
