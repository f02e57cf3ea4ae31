import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Layer rules (shared DESIGN.md, docs/ARCHITECTURE.md): views -> state -> workers -> core, with
// charts beside the views and the CLI and the bench as Node shells over core. Each folder gets one
// no-restricted-imports entry built from the pieces below (a later flat-config entry replaces an
// earlier one for the same rule, so every folder lists all of its restrictions). src/layering.test.ts
// proves each piece reports a violation.

const upper = (layers, message) => ({ group: layers.flatMap((l) => [`**/${l}`, `**/${l}/**`]), message });

const rules = {
  react: { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'no React here: it is pure TypeScript or a Node shell.' },
  zustand: { group: ['zustand', 'zustand/*'], message: 'the store belongs to src/state: read it through its selectors and actions.' },
  recharts: { group: ['recharts', 'recharts/*'], message: 'charts are drawn in src/charts only.' },
  tfjs: { group: ['@tensorflow/*'], message: 'tfjs runs in src/core only (and only in a worker or Node): tensors never leave core.' },
  node: {
    group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'url', 'worker_threads'],
    message: 'src/core runs in the browser too: no Node built-ins (the CLI reads files; *.node.ts files are Node-only).',
  },
  coreUp: upper(['state', 'views', 'charts', 'workers', 'cli', 'app'], 'src/core may not import UI, worker or CLI code.'),
  chartsUp: upper(['state', 'views', 'workers', 'cli', 'app'], 'src/charts is props in, JSX out: no store, views, workers or CLI.'),
  viewsUp: upper(['workers', 'cli', 'app'], 'views reach workers only through src/state (types included, see state/slices.ts).'),
  appUp: upper(['workers', 'cli'], 'the app shell reaches workers only through src/state.'),
  stateUp: upper(['views', 'charts', 'app', 'cli'], 'src/state may not import views, charts, the app shell or the CLI.'),
  workersUp: upper(['state', 'views', 'charts', 'app', 'cli'], 'src/workers may not import the store, views, charts or the CLI.'),
  // kernels/ are leaf compute modules: k-means and learned-map policy live in cluster/ and routing/.
  kernelsLeaf: {
    regex: '^\\.\\./(?!types$)',
    message: 'src/core/kernels are leaf compute modules: they import only ../types, never cluster/, routing/ or other core folders.',
  },
  cliUp: upper(['state', 'views', 'charts', 'workers', 'app'], 'the CLI is a Node shell over src/core: no browser layers.'),
  benchUp: upper(['state', 'views', 'charts', 'cli'], 'the bench times core (and the built app through its test hook), not the UI layers.'),
  // Folders of src/core that have an index.ts are imported through it from the main-thread layers.
  coreFace: {
    regex: '(^|/)core/[^/]+/',
    message: 'import src/core through a folder index (e.g. ../core/explorer, ../core/eval) or core/types, never a file inside it.',
  },
  // eval has two faces: index.ts (plain TS) and pipeline.ts (trials: k-means, so tfjs).
  evalFace: {
    regex: '(^|/)eval/(?!pipeline$|[^/]+\\.node$)',
    message: 'outside src/core/eval import its public face, eval (index.ts) or eval/pipeline, not its files.',
  },
  e2eSrc: {
    regex: '(^|/)src/(?!app/(testHook|viewLabels)$)',
    message: 'browser tests drive the built app: share only the test hook and the view labels with src.',
  },
};

const restrict = (...names) => ({ 'no-restricted-imports': ['error', { patterns: names.map((n) => rules[n]) }] });
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

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
  // src/core is pure TypeScript that runs in Node, the browser and a worker.
  {
    files: ['src/core/**/*.ts'],
    ignores: [...TESTS, 'src/core/**/*.node.ts'],
    rules: {
      ...restrict('react', 'zustand', 'recharts', 'node', 'coreUp', 'evalFace'),
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'indexedDB', 'fetch'],
    },
  },
  {
    files: ['src/core/kernels/**/*.ts'],
    ignores: [...TESTS, 'src/core/kernels/assembly/**'],
    rules: {
      ...restrict('react', 'zustand', 'recharts', 'node', 'coreUp', 'evalFace', 'kernelsLeaf'),
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'indexedDB', 'fetch'],
    },
  },
  // Node-only core files (*.node.ts) and core tests may read files; the layers above stay out.
  { files: ['src/core/**/*.node.ts', 'src/core/**/*.test.ts'], rules: restrict('react', 'zustand', 'recharts', 'coreUp', 'evalFace') },
  { files: ['src/charts/**/*.{ts,tsx}'], rules: restrict('zustand', 'tfjs', 'chartsUp', 'coreFace') },
  { files: ['src/views/**/*.{ts,tsx}'], rules: restrict('zustand', 'tfjs', 'viewsUp', 'coreFace') },
  { files: ['src/app/**/*.{ts,tsx}', 'src/main.tsx'], rules: restrict('zustand', 'tfjs', 'appUp', 'coreFace') },
  { files: ['src/state/**/*.ts'], rules: restrict('tfjs', 'stateUp', 'coreFace') },
  { files: ['src/workers/**/*.ts'], ignores: TESTS, rules: restrict('react', 'zustand', 'recharts', 'workersUp', 'evalFace') },
  { files: ['src/workers/**/*.test.ts'], rules: restrict('react', 'zustand', 'recharts', 'workersUp', 'evalFace') },
  { files: ['src/cli/**/*.ts'], rules: restrict('react', 'zustand', 'recharts', 'cliUp', 'evalFace') },
  { files: ['bench/**/*.ts'], rules: restrict('react', 'zustand', 'recharts', 'benchUp', 'evalFace') },
  { files: ['e2e/**/*.ts'], rules: restrict('e2eSrc') },
);
