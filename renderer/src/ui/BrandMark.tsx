import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The 開示 seal next to the product name. */
export function BrandMark({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const box = size === 'lg' ? 44 : 32;
  return (
    <Group gap={10} wrap="nowrap">
      <Box
        w={box}
        h={box}
        bg="indigo.8"
        c="white"
        fz={size === 'lg' ? 16 : 12}
        fw={700}
        style={{ borderRadius: 8, display: 'grid', placeItems: 'center', letterSpacing: 1 }}
        aria-hidden
      >
        {t('app.mark')}
      </Box>
      <Text fw={700} fz={size === 'lg' ? 24 : 18} c="indigo.9" style={{ letterSpacing: 0.5 }}>
        Kaiji
      </Text>
    </Group>
  );
}
