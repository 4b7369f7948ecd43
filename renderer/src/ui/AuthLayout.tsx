import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrandMark } from './BrandMark';
import { LangSwitch } from './LangSwitch';

interface Props {
  title: string;
  intro?: string;
  width?: number;
  children: ReactNode;
}

/** The frame of the screens shown before anyone is signed in. */
export function AuthLayout({ title, intro, width = 440, children }: Props) {
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="xl" py="md">
        <BrandMark />
        <LangSwitch />
      </Group>
      <Center px="md" pb={64} pt="lg">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={width}>
          <Stack gap="lg">
            <div>
              <Title order={2} fz={22}>
                {title}
              </Title>
              {intro && (
                <Text c="dimmed" size="sm" mt={6}>
                  {intro}
                </Text>
              )}
            </div>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
