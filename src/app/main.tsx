// Entry point: the report storage (IndexedDB in the browser; the server API later), the query
// client, and the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App.tsx';
import { IndexedDbReportStore } from './data/idb-store.ts';
import { MemoryReportStore } from './data/memory-store.ts';
import { ReportStoreProvider } from './data/queries.ts';
import './styles/app.css';
import './styles/grid.css';
import './styles/preview.css';

const store = typeof indexedDB === 'undefined' ? new MemoryReportStore() : new IndexedDbReportStore();
const queryClient = new QueryClient({
  defaultOptions: { queries: { networkMode: 'offlineFirst' }, mutations: { networkMode: 'offlineFirst' } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ReportStoreProvider store={store}>
        <App />
      </ReportStoreProvider>
    </QueryClientProvider>
  </StrictMode>,
);
