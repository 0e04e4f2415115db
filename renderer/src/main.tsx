import './lib/zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App';
import { subscribeAppEvents } from './app/subscribeAppEvents';
import { api, connection } from './lib/api';
import { queryClient } from './lib/queryClient';
import './styles.css';

// Subscribed once, before the first render, so no event of a run can be missed.
subscribeAppEvents({ api, connection, queryClient });

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
