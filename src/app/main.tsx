// Entry point: the client of the server's API (same origin), the query client, and the app.

import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ApiClient } from './data/api-client.ts';
import { ApiClientProvider, createQueryClient } from './data/queries.ts';
import './styles/app.css';
import './styles/grid.css';
import './styles/preview.css';
import './styles/server.css';

const api = new ApiClient();
const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={api}>
        <App />
      </ApiClientProvider>
    </QueryClientProvider>
  </StrictMode>,
);
