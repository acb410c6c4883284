// /explorer: GraphiQL over this app's /graphql, bundled (works offline, no CDN), with example
// queries. This module is loaded only when the page is visited (React.lazy in App).
import { useState } from 'react';
import { GraphiQL } from 'graphiql';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { EXAMPLE_QUERIES, type ExampleQuery } from '../utils/examples';
import styles from './ExplorerPage.module.css';

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

/** Inside GraphiQL: opens an example in its own tab (the one it already has, or a new one) and runs it. */
function ExamplePicker() {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const tabs = useGraphiQL((state) => state.tabs);
  const { run, setOperationName, addTab, changeTab } = useGraphiQLActions();
  const [chosen, setChosen] = useState('');
  const load = (example: ExampleQuery) => {
    // GraphiQL re-reads the operations of new text after a short debounce; name the one to run now,
    // so it does not ask the server for the previous example's operation.
    const operationName = /\b(?:query|mutation)\s+(\w+)/.exec(example.query)?.[1];
    const runIt = () => {
      if (operationName) setOperationName(operationName);
      setTimeout(run, 300);
    };
    const open = tabs.findIndex((tab) => tab.query?.trim() === example.query.trim());
    if (open >= 0) {
      changeTab(open);
      runIt();
      return;
    }
    addTab();
    // The new tab's empty editors are in place on the next tick.
    setTimeout(() => {
      queryEditor?.setValue(example.query);
      variableEditor?.setValue(example.variables ?? '');
      runIt();
    }, 50);
  };
  return (
    <div className={styles.examples}>
      <label htmlFor="explorer-example">Example</label>
      <select
        id="explorer-example"
        value={chosen}
        // Until the editors exist there is nowhere to put an example.
        disabled={!queryEditor || !variableEditor}
        data-testid="example-picker"
        onChange={(event) => {
          setChosen(event.target.value);
          const example = EXAMPLE_QUERIES.find((candidate) => candidate.id === event.target.value);
          if (example) load(example);
        }}
      >
        <option value="">Choose a question…</option>
        {EXAMPLE_QUERIES.map((example) => (
          <option key={example.id} value={example.id}>
            {example.title}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function ExplorerPage() {
  return (
    <div className={styles.explorer}>
      <header className={styles.header}>
        <h1 className={styles.title}>
          <a href="/">Détente</a> API explorer
        </h1>
        <p className={styles.hint}>
          Write GraphQL against <code>/graphql</code>; the Docs pane describes every type. Reads need no key.
        </p>
      </header>
      <main className={styles.main}>
        <GraphiQL
          fetcher={fetcher}
          defaultQuery={EXAMPLE_QUERIES[0].query}
          defaultTabs={EXAMPLE_QUERIES.slice(0, 3).map((example) => ({ query: example.query, variables: example.variables }))}
          defaultEditorToolsVisibility={false}
        >
          <GraphiQL.Logo>Détente API</GraphiQL.Logo>
          <GraphiQL.Footer>
            <ExamplePicker />
          </GraphiQL.Footer>
        </GraphiQL>
      </main>
    </div>
  );
}
