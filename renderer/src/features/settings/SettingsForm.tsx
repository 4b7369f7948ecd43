import { Button, Divider, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useVault } from '../../ui/vault';
import { useSettingsForm } from './useSettingsSection';
import { PostcodeChoices } from '../reading/PostcodeChoices';
import { usePostcodeAddress } from '../reading/usePostcodeAddress';

const KEYS = ['companyName', 'companyPostalCode', 'companyAddress', 'contactPoint', 'administratorTitle', 'scannerFolder', 'idleLockMinutes', 'freeUnlockAttempts'] as const;

/**
 * The organisation, session and scanner settings: one form over the `settings.update` schema's
 * own rules for these keys (#13 item 11c: company name required, 〒 as 123-4567, idle 1-240
 * minutes, 1-20 free attempts), saving only these keys.
 */
export function SettingsForm() {
  const { t } = useTranslation();
  const { refresh } = useVault();
  // The header shows the company name and the server applies the new idle time.
  const { form, settings, saving, onSubmit } = useSettingsForm('organisation', KEYS, () => void refresh());
  // 7 digits typed -> the address from Japan Post's data (editable; a typed address is kept).
  const postcode = usePostcodeAddress(String(form.values.companyPostalCode), String(form.values.companyAddress), (companyAddress) => form.setFieldValue('companyAddress', companyAddress));

  return (
    <Paper withBorder radius="md" p="lg" data-testid="settings-organisation">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={4}>{t('settings.organization')}</Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TextInput
              data-testid="settings-company"
              label={t('settings.company')}
              disabled={!settings}
              {...form.getInputProps('companyName')}
              maxLength={120}
              required
            />
            <TextInput
              data-testid="settings-admin-title"
              label={t('settings.adminTitle')}
              disabled={!settings}
              {...form.getInputProps('administratorTitle')}
              maxLength={120}
            />
            <TextInput
              data-testid="settings-postal-code"
              label={t('settings.postalCode')}
              description={t('settings.postalCodeHint')}
              disabled={!settings}
              {...form.getInputProps('companyPostalCode')}
              maxLength={8}
              w={{ base: '100%', md: 200 }}
            />
            <PostcodeChoices choices={postcode.choices} unknown={postcode.unknown} onChoose={postcode.choose} />
            <Textarea
              data-testid="settings-address"
              label={t('settings.address')}
              disabled={!settings}
              {...form.getInputProps('companyAddress')}
              maxLength={300}
              autosize
              minRows={2}
            />
            <Textarea
              data-testid="settings-contact"
              label={t('settings.contact')}
              disabled={!settings}
              {...form.getInputProps('contactPoint')}
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
              disabled={!settings}
              {...form.getInputProps('idleLockMinutes')}
              min={1}
              max={240}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
            />
            <NumberInput
              data-testid="settings-attempts"
              label={t('settings.attempts')}
              description={t('settings.attemptsHint')}
              disabled={!settings}
              {...form.getInputProps('freeUnlockAttempts')}
              min={1}
              max={20}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
            />
          </SimpleGrid>
          <Divider my="xs" />
          <Title order={4}>{t('settings.scannerTitle')}</Title>
          <TextInput
            data-testid="settings-scanner-folder"
            label={t('settings.scannerFolder')}
            description={t('settings.scannerFolderHint')}
            placeholder={t('settings.scannerFolderPlaceholder')}
            disabled={!settings}
            {...form.getInputProps('scannerFolder')}
            maxLength={1000}
            ff="monospace"
            spellCheck={false}
            autoComplete="off"
          />
          <Text size="xs" c="dimmed" maw={760}>
            {t('settings.scannerFolderSafety')}
          </Text>
          <Group justify="flex-end">
            <Button data-testid="settings-save" type="submit" loading={saving} disabled={!settings}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
