// Entry point: the report store on the server API (same origin), the query client, and the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App.tsx';
import { createQueryClient, ReportStoreProvider } from './data/queries.ts';
import { ReportStore } from './data/store.ts';
import './styles/app.css';
import './styles/grid.css';
import './styles/preview.css';
import './styles/server.css';

const store = new ReportStore();
const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ReportStoreProvider store={store}>
        <App />
      </ReportStoreProvider>
    </QueryClientProvider>
  </StrictMode>,
);
