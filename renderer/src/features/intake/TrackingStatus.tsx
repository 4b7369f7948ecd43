import { Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TrackingVerdict } from './tracking';

const look = {
  empty: { color: 'dimmed', Icon: IconInfoCircle },
  valid: { color: 'teal.8', Icon: IconCircleCheck },
  unchecked: { color: 'gray.7', Icon: IconInfoCircle },
  check_digit: { color: 'orange.9', Icon: IconAlertTriangle },
  format: { color: 'red.8', Icon: IconCircleX },
} as const;

/** The verdict under the tracking number field, announced politely to screen readers. */
interface Props {
  verdict: TrackingVerdict;
  id: string;
  /** Still being typed: a too-short number is a hint, not yet an error. */
  soft?: boolean;
}

export function TrackingStatus({ verdict, id, soft = false }: Props) {
  const { t } = useTranslation();
  const { color, Icon } = soft ? look.unchecked : look[verdict.state];
  const text = soft
    ? t('intake.trackingState.typing')
    : verdict.state === 'valid'
      ? t('intake.trackingState.valid', { number: verdict.formatted })
      : verdict.state === 'unchecked'
        ? t('intake.trackingState.unchecked', { number: verdict.formatted, digits: verdict.digits })
        : verdict.state === 'check_digit'
          ? t('intake.trackingState.check_digit', { expected: verdict.expected })
          : t(`intake.trackingState.${verdict.state}`);
  return (
    <Group
      id={id}
      data-testid="envelope-tracking-status"
      data-state={verdict.state}
      data-pending={soft || undefined}
      gap={6}
      wrap="nowrap"
      align="flex-start"
      aria-live="polite"
    >
      <Text c={color} lh={0} mt={3} component="span" aria-hidden>
        <Icon size={16} stroke={1.8} />
      </Text>
      <Text size="sm" c={color} fw={verdict.state === 'empty' || soft ? 400 : 500}>
        {text}
      </Text>
    </Group>
  );
}
