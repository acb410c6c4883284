// One linter for the whole repository (`npm run lint`, with Prettier): TypeScript's recommended rules, the rules
// of hooks for the page, and nothing that only restates formatting (eslint-config-prettier turns those off).
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The page's layers, each importing only from those below it: app (routes) → features → the shared
// components/, lib/, domain/ and graphql/. A feature never reaches into another feature or into app/; what two
// features share moves down into a shared folder, and app/ composes them (as bulletproof-react does).
const clientSrc = path.join(import.meta.dirname, 'client', 'src');
const clientFeatures = fs
  .readdirSync(path.join(clientSrc, 'features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const clientShared = ['components', 'lib', 'domain', 'graphql'].map((dir) => path.join(clientSrc, dir));
const clientImportZones = [
  ...clientFeatures.map((feature) => ({
    target: path.join(clientSrc, 'features', feature),
    from: path.join(clientSrc, 'features'),
    except: [`./${feature}`],
    message: 'A feature imports no other feature: move what both need into components/ or lib/, or compose them in app/.',
  })),
  { target: path.join(clientSrc, 'features'), from: path.join(clientSrc, 'app'), message: 'Features do not import app/.' },
  {
    target: clientShared,
    from: [path.join(clientSrc, 'features'), path.join(clientSrc, 'app')],
    message: 'Shared code imports no feature and not app/.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/build/',
      'coverage/',
      '.data/',
      'test-results/',
      'server/bench/peer/',
      'server/bench/results/',
      'client/src/graphql/types.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // An `any` needs a comment saying why, so it is disabled line by line, never here.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Tests read deep, query-specific JSON answers and assert on them; typing each answer would restate the query.
    files: ['**/*.test.ts', '**/*.test.tsx', 'server/src/test-support/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['client/src/**/*.{ts,tsx}', 'client/test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'client/tsconfig.json' })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: clientImportZones }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    // Scripts that run inside the page (playwright's evaluate) or the benchmark's browser.
    files: ['client/e2e/**/*.ts', 'server/bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
);
