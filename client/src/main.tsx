// Starts the page: one Apollo Client, one React root.
// The global sheet first, so every component's CSS module comes after it in the cascade.
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { App, routeFor } from './app/App';
import { createApolloClient } from './lib/apollo';
import { startOpeningWindowFetch } from './features/timeline/api/openingWindow';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('The page has no #root element.');

const client = createApolloClient();
const route = routeFor(window.location.pathname);
if (route === 'timeline' || route === 'embed') startOpeningWindowFetch(client, window.location);

createRoot(rootElement).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <App />
    </ApolloProvider>
  </StrictMode>,
);
