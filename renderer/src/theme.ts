import { createTheme } from '@mantine/core';

const sans = "'Noto Sans JP', sans-serif";

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: sans,
  // Noto Sans JP last so Japanese inside monospace text never falls back to tofu.
  fontFamilyMonospace:
    "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace, 'Noto Sans JP'",
  headings: { fontFamily: sans, fontWeight: '700' },
  defaultRadius: 'md',
  // Visible focus for keyboard users; mouse clicks stay clean.
  focusRing: 'auto',
  cursorType: 'pointer',
});
