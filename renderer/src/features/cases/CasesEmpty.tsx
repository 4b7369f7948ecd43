import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** No cases (yet, or for this search): explains where cases come from. */
export function CasesEmpty({ query }: { query: string }) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="cases-empty" align="center" gap="xs" py={56} ta="center">
      <ThemeIcon size={56} radius="xl" variant="light" color="indigo">
        <IconMail size={28} stroke={1.5} />
      </ThemeIcon>
      <Title order={4} mt="xs">
        {query ? t('cases.noMatch', { query }) : t('cases.emptyTitle')}
      </Title>
      <Text c="dimmed" size="sm" maw={480}>
        {t('cases.empty')}
      </Text>
    </Stack>
  );
}
