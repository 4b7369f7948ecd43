import { Button, Group, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { DraftValues } from './draftForm';

interface Props {
  form: UseFormReturnType<DraftValues>;
  loading: boolean;
  /** The case letters show their salutation line (拝啓…); the guidance letter keeps its own. */
  withSalutation?: boolean;
  testIds: { title?: string; body: string; sections?: string; save: string };
}

/** A draft's words (heading, body, sections, notes) and its save button: the same in both letter editors. */
export function DraftWordsFields({ form, loading, withSalutation = false, testIds }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('letters.edit.heading')} maxLength={200} {...form.getInputProps('draft.title')} data-testid={testIds.title} />
      {withSalutation && <TextInput label={t('letters.edit.salutation')} {...form.getInputProps('draft.salutation')} />}
      <Textarea label={t('letters.edit.body')} autosize minRows={3} maxRows={14} {...form.getInputProps('draft.body')} data-testid={testIds.body} />
      <Textarea label={t('letters.edit.sections')} autosize minRows={3} maxRows={14} {...form.getInputProps('draft.sections')} data-testid={testIds.sections} />
      <Textarea label={t('letters.edit.notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('draft.notes')} />
      <Group justify="flex-end">
        <Button size="xs" variant="light" type="submit" loading={loading} data-testid={testIds.save}>
          {t('letters.edit.save')}
        </Button>
      </Group>
    </>
  );
}
