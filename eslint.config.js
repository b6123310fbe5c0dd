// Lint rules that know which process a file runs in (the house rules of
// docs/ARCHITECTURE.md): breaking a boundary fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const electronOutsideHost = {
  name: 'electron',
  message: 'electron is imported only under src-main/host/: services, jobs and the database are plain Node.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'src-main/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // Main process: no electron outside host/.
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/host/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOutsideHost] }],
    },
  },
  // Renderer: browser only; talks to main through the contract client.
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer never touches Node: ask main through the contract.',
            })),
            {
              name: 'better-sqlite3',
              message: 'The renderer never touches the database: ask main through the contract.',
            },
            { name: 'electron', message: 'The renderer reaches main only through the contract client.' },
          ],
          patterns: [
            {
              group: ['**/src-main', '**/src-main/**'],
              message: 'The renderer never imports main: use the contract client.',
            },
          ],
        },
      ],
    },
  },
  // Shared: pure rules, no Node, no DOM, no Electron.
  {
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'src-shared runs on both sides: no Node.' })),
            { name: 'electron', message: 'src-shared runs on both sides: no Electron.' },
            { name: 'better-sqlite3', message: 'src-shared runs on both sides: no database.' },
            { name: 'react', message: 'src-shared has no UI.' },
          ],
          patterns: [
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared depends on nothing but itself.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'process',
          'Buffer',
          'require',
          '__dirname',
        ].map((name) => ({ name, message: 'src-shared runs on both sides: no DOM or Node globals.' })),
      ],
    },
  },
);
