// Starts the page: one Apollo Client, one React root.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { App, routeFor } from './app/App';
import { createApolloClient } from './app/apollo';
import { startOpeningWindowFetch } from './features/timeline/api/openingWindow';
import './styles.css';

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
