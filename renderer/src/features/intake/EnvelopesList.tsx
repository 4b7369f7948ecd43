import { Badge, Button, Center, Group, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Envelope, TrackingStatus } from '@shared/contract';
import { isoDateInJapan } from '@shared/domain/dates';
import { deliveryLabels, tracked } from '@shared/domain/mail';
import { formatTrackingNumber } from '@shared/domain/tracking-number';
import { kaiji } from '../../api';
import { useLang } from '../../i18n';

import { useLoad } from '../../ui/useLoad';
import { Day } from '../../ui/Timestamp';

const badgeColor: Record<TrackingStatus, string> = {
  valid: 'teal',
  unchecked: 'gray',
  overridden: 'orange',
  none: 'gray',
};

interface Props {
  /** Bumped by the page after an envelope is logged, to load the list again. */
  version: number;
}

/** Envelopes by arrival date; today's by default. */
export function EnvelopesList({ version }: Props) {
  const { t } = useTranslation();
  const today = isoDateInJapan(new Date());
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const input = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const { data } = useLoad(() => kaiji.envelopes.list(input), `${JSON.stringify(input)}#${version}`);

  const isToday = from === today && to === today;
  const envelopes = data ?? [];
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Group gap="sm" align="baseline">
            <Title order={4}>{isToday ? t('intake.listToday') : t('intake.list')}</Title>
            {data && (
              <Text size="sm" c="dimmed" data-testid="envelopes-count">
                {t('intake.count', { count: envelopes.length })}
              </Text>
            )}
          </Group>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              data-testid="envelopes-from"
              type="date"
              label={t('intake.from')}
              value={from}
              max={to || undefined}
              onChange={(e) => setFrom(e.currentTarget.value)}
              w={160}
              size="sm"
            />
            <TextInput
              data-testid="envelopes-to"
              type="date"
              label={t('intake.to')}
              value={to}
              min={from || undefined}
              onChange={(e) => setTo(e.currentTarget.value)}
              w={160}
              size="sm"
            />
            <Button
              data-testid="envelopes-today"
              variant="default"
              onClick={() => {
                setFrom(today);
                setTo(today);
              }}
              disabled={isToday}
            >
              {t('intake.today')}
            </Button>
          </Group>
        </Group>
        {data && envelopes.length === 0 ? (
          <Center py="xl" data-testid="envelopes-empty">
            <Text c="dimmed" size="sm">
              {t('intake.empty')}
            </Text>
          </Center>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table data-testid="envelopes-table" verticalSpacing="sm" highlightOnHover>
              <Table.Thead style={{ whiteSpace: 'nowrap' }}>
                <Table.Tr>
                  <Table.Th w={150}>{t('intake.col.arrived')}</Table.Th>
                  <Table.Th w={190}>{t('intake.col.delivery')}</Table.Th>
                  <Table.Th w={230}>{t('intake.col.tracking')}</Table.Th>
                  <Table.Th w={110}>{t('intake.col.redMarking')}</Table.Th>
                  <Table.Th>{t('intake.col.sender')}</Table.Th>
                  <Table.Th w={130}>{t('intake.col.cases')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {envelopes.map((envelope) => (
                  <EnvelopeRow key={envelope.id} envelope={envelope} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

function EnvelopeRow({ envelope }: { envelope: Envelope }) {
  const { t } = useTranslation();
  const lang = useLang();
  const status = envelope.trackingStatus;
  const badge = (
    <Badge
      data-testid="envelope-tracking-badge"
      data-status={status}
      color={badgeColor[status]}
      variant={status === 'none' ? 'outline' : 'light'}
      radius="sm"
      size="sm"
      tt="none"
      tabIndex={status === 'overridden' ? 0 : undefined}
    >
      {t(`intake.trackingStatus.${status}`)}
    </Badge>
  );
  return (
    <Table.Tr data-testid={`envelope-row-${envelope.caseNos[0] ?? envelope.id}`}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Day iso={envelope.arrivedOn} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={tracked.has(envelope.delivery) ? undefined : 'orange.9'} style={{ whiteSpace: 'nowrap' }}>
          {deliveryLabels[envelope.delivery]?.[lang] ?? envelope.delivery}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          {envelope.trackingNumber && (
            <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {formatTrackingNumber(envelope.trackingNumber)}
            </Text>
          )}
          {status === 'overridden' ? (
            <Tooltip
              label={t('intake.overriddenReason', { reason: envelope.trackingOverrideReason ?? '' })}
              multiline
              maw={320}
              withArrow
            >
              {badge}
            </Tooltip>
          ) : (
            badge
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={envelope.redMarking ? undefined : 'dimmed'} data-red-marking={envelope.redMarking}>
          {envelope.redMarking ? t('intake.yes') : t('intake.no')}
        </Text>
      </Table.Td>
      <Table.Td>
        {envelope.senderName || envelope.senderAddress ? (
          <Stack gap={0}>
            {envelope.senderName && (
              <Text size="sm" fw={500}>
                {envelope.senderName}
              </Text>
            )}
            {envelope.senderAddress && (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {envelope.senderAddress}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          {envelope.caseNos.map((no) => (
            <Text key={no} size="sm" ff="monospace">
              {no}
            </Text>
          ))}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
