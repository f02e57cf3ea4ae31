import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Layer rule (shared DESIGN.md): views -> state -> workers -> core. src/core is pure TypeScript
// that runs in Node, the browser and a worker, so it may import nothing from the UI layers.
const coreForbidden = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core is pure TypeScript: no React.' },
    { group: ['zustand', 'zustand/*'], message: 'src/core is pure TypeScript: no zustand.' },
    { group: ['recharts', 'recharts/*'], message: 'src/core is pure TypeScript: no charts.' },
    {
      group: ['**/state/**', '**/views/**', '**/charts/**', '**/workers/**', '**/cli/**', '**/app/**'],
      message: 'src/core may not import UI, worker or CLI code.',
    },
    {
      group: ['node:*', 'fs', 'path', 'os', 'child_process'],
      message: 'src/core runs in the browser too: no Node built-ins (the CLI reads files).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-router', 'node_modules', 'test-results', 'playwright-report', 'e2e/artifacts', 'bench/out'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts', 'src/core/**/*.node.ts'],
    rules: {
      'no-restricted-imports': ['error', coreForbidden],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'indexedDB', 'fetch'],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/views/**', '**/charts/**', 'react-dom'], message: 'state may not import views.' }] },
      ],
    },
  },
);
