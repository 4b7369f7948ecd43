import { TextInput } from '@mantine/core';
import type { FocusEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEraDate, parseJapaneseDate } from '@shared/domain/era';
import { useLang } from '../i18n';

/** The ISO date typed as era or Western text, or null when it does not read. */
export const readDate = (text: string): string | null => (text.trim() ? parseJapaneseDate(text.trim()) : null);

interface Props {
  testId: string;
  label: string;
  value?: string;
  onChange: (v: string) => void;
  required?: boolean;
  /** Shown under the reading (e.g. the payable-until date it implies). */
  extra?: string;
  /** A form's message for the field (its channel's schema); otherwise "does not read" while it does not. */
  error?: ReactNode;
  /** @mantine/form's getInputProps: the field's path (focus on refusal) and its touch handlers. */
  'data-path'?: string;
  onFocus?: FocusEventHandler<HTMLInputElement>;
  onBlur?: FocusEventHandler<HTMLInputElement>;
}

/**
 * A date as written on the paper (令和8年3月1日 / R8.3.1 / 2026-03-01); the reading is shown
 * back live in both calendars. Used wherever staff copy a date from a document or a receipt.
 */
export function EraDateInput({ testId, label, value = '', onChange, required, extra, error, ...field }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const iso = readDate(value);
  const reading = iso ? (lang === 'ja' ? `${formatEraDate(iso)}（${iso}）` : `${iso} (${formatEraDate(iso)})`) : undefined;
  return (
    <TextInput
      data-testid={testId}
      label={label}
      placeholder={t('common.datePlaceholder')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      maxLength={40}
      required={required}
      description={[reading, iso ? extra : undefined].filter(Boolean).join(' ・ ') || undefined}
      error={error || (value.trim() && !iso ? t('common.dateUnreadable') : undefined)}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      data-iso={iso ?? undefined}
      {...field}
    />
  );
}
