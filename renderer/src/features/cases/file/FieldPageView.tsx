import { Box, Center, Paper, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseField } from '@shared/contract';
import type { PageImage } from './pageImages';

interface Props {
  image: PageImage | undefined;
  /** The current field's box on the page, in image pixels (intake's page registration). */
  zone: CaseField['zone'];
  /** The current field's label, for the highlight's name and the caption. */
  label: string | null;
  pending: boolean;
}

/**
 * The whole scanned form beside the field list (#13 item 4), the current field's box outlined on
 * it. The page is scaled to the height the workbench has, so page and fields are seen together.
 */
export function FieldPageView({ image, zone, label, pending }: Props) {
  const { t } = useTranslation();
  if (!image) {
    return (
      <Paper withBorder radius="md" p="md" h="100%" data-testid="workbench-page" data-empty style={{ aspectRatio: '1 / 1.414' }}>
        {pending ? (
          <Skeleton h="100%" mih={300} radius="sm" />
        ) : (
          <Center h="100%" mih={200}>
            <Text size="sm" c="dimmed">
              {t('workbench.noPage')}
            </Text>
          </Center>
        )}
      </Paper>
    );
  }
  // A zone measured before a quarter turn no longer fits the page: no highlight then.
  const fits = zone && zone.x + zone.width <= image.width + 2 && zone.y + zone.height <= image.height + 2;
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;
  return (
    <Box className="kaiji-workbench-page" data-testid="workbench-page" style={{ aspectRatio: `${image.width} / ${image.height}` }}>
      <img src={image.url} alt={t('workbench.pageAlt')} draggable={false} />
      {fits && zone && (
        <div
          className="kaiji-workbench-zone"
          data-testid="workbench-zone"
          aria-label={label ?? undefined}
          style={{ left: pct(zone.x, image.width), top: pct(zone.y, image.height), width: pct(zone.width, image.width), height: pct(zone.height, image.height) }}
        />
      )}
    </Box>
  );
}
