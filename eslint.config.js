// Lint: the layer rules of CONVENTIONS.md §1 plus TypeScript hygiene.
import tseslint from 'typescript-eslint';

const uiOrElectron = ['electron', 'react', 'react-dom', 'react-dom/*', '@mui/*', 'plotly.js-dist-min', 'react-plotly.js', 'react-plotly.js/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'playwright-report/**', 'assets/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // core is pure TypeScript: no Electron, no React, nothing from renderer/ or electron/.
    files: ['core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: uiOrElectron, message: 'core/ must not import Electron or UI libraries (CONVENTIONS.md §1).' },
          { group: ['**/renderer', '**/renderer/**', '**/electron', '**/electron/**'], message: 'core/ must not import from renderer/ or electron/ (CONVENTIONS.md §1).' },
        ],
      }],
    },
  },
  {
    // The renderer talks only to window.shelfcast; from core it may import types of the contract, nothing else.
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/core/contract', '**/core/contract/**'], allowTypeImports: true, message: 'renderer/ may import only types from core/contract (CONVENTIONS.md §1).' },
          { regex: '(^|/)core/(?!contract(/|$))', message: 'renderer/ must not import core/ modules other than core/contract types (CONVENTIONS.md §1).' },
          { group: ['electron', 'node:*', 'better-sqlite3', 'onnxruntime-node', '**/electron/**'], message: 'renderer/ runs sandboxed: no Node or Electron modules.' },
        ],
      }],
    },
  },
  {
    // The preload sees only the contract (channel names) and Electron's bridge.
    files: ['electron/preload.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)core/(?!contract(/|$))', message: 'preload may import only core/contract.' },
          { group: ['**/renderer/**', 'react', '@mui/*', 'node:*', 'better-sqlite3'], message: 'preload may import only core/contract and electron.' },
        ],
      }],
    },
  },
  {
    // WAL workspaces are written by jobs at the same time: a deferred transaction that reads
    // first fails at once when a job commits (SQLITE_BUSY_SNAPSHOT). See core/db/transaction.ts.
    files: ['core/**/*.ts'],
    ignores: ['core/db/transaction.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name='transaction']",
        message: 'Use writeTransaction(db, work) from core/db/transaction.ts: it takes the write lock first (BEGIN IMMEDIATE).',
      }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', '*.config.*', 'eslint.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
