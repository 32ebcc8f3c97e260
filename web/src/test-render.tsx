import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { SessionProvider } from './auth/session';

/** Renders a screen as the app does: a router at `path` (matching `route`), a fresh query cache (returned) and the session. */
export function renderScreen(element: ReactElement, { path = '/', route = '*' }: { path?: string; route?: string } = {}) {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const rendered = render(
    <QueryClientProvider client={queries}>
      <SessionProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes><Route path={route} element={element} /></Routes>
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
  return { ...rendered, queries };
}
