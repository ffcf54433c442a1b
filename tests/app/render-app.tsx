// Renders the whole app in jsdom over a MemoryReportStore (the same ReportStore contract the
// browser's IndexedDB store implements).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App } from '../../src/app/App.tsx';
import { MemoryReportStore } from '../../src/app/data/memory-store.ts';
import { ReportStoreProvider } from '../../src/app/data/queries.ts';

export function renderApp(store = new MemoryReportStore(), hash = '#/') {
  window.location.hash = hash;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <ReportStoreProvider store={store}>
        <App />
      </ReportStoreProvider>
    </QueryClientProvider>,
  );
  return { store, ...view };
}

export const cell = (id: string) => document.querySelector<HTMLInputElement>(`[data-cell="${id}"]`)!;
