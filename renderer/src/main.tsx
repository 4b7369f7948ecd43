import './zod-jitless';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import './styles.css';
import './i18n';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { theme } from './theme';
import { queryClient } from './ui/server-state';
import { startChangeNotices } from './ui/change-notices';

// Mantine's <style> elements carry the page's nonce: the CSP allows no other inline style (issue 11, finding 12).
const styleNonce = document.querySelector<HTMLMetaElement>('meta[name="kaiji-style-nonce"]')?.content;

// #16 item 3: other desks' and windows' changes refetch what shows them.
startChangeNotices();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" getStyleNonce={styleNonce ? () => styleNonce : undefined}>
      <Notifications position="top-center" limit={3} autoClose={4000} />
      {/* Server state (#13 item 11a): queries and their invalidation, ui/server-state.ts. */}
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
