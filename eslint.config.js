import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import dial from './tools/eslint/package-boundaries.js';

/**
 * The dependency arrows of DESIGN.md: cli → server → core, sdk-* → core,
 * console → core (in the browser) and the HTTP API. Nothing imports server but
 * cli, and core touches no I/O.
 */
export const boundaries = {
  core: {
    imports: [],
    builtins: false,
    // Zod for validation only; stdlib's distributions for the statistics only, so SDKs carry neither.
    dependencies: {
      zod: ['src/validation/'],
      '@stdlib/stats-base-dists-t-cdf': ['src/stats/'],
      '@stdlib/stats-base-dists-t-quantile': ['src/stats/'],
      '@stdlib/stats-base-dists-normal-cdf': ['src/stats/'],
      '@stdlib/stats-base-dists-chisquare-cdf': ['src/stats/'],
    },
  },
  server: { imports: ['core'], builtins: true },
  // cli's integration tests run the SDKs against the server (sdk-web also in Chromium).
  cli: { imports: ['server', 'core', 'sdk-node', 'sdk-web'], builtins: true },
  'sdk-node': { imports: ['core'], builtins: true },
  'sdk-web': { imports: ['core'], builtins: false },
  // The console's end-to-end tests start a real server (and run `dial demo` against it); its browser code reaches it over HTTP only.
  console: { imports: ['core'], builtins: false, testImports: ['server', 'cli'] },
  bench: { imports: ['core', 'sdk-node', 'sdk-web', 'cli'], builtins: true },
};

// Time, randomness and I/O come into core as parameters, never from globals.
const coreGlobals = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'process', 'require', 'localStorage', 'sessionStorage', 'document', 'window', 'navigator', 'setTimeout', 'setInterval'];

// Node's own globals, which a browser does not have.
const nodeGlobals = ['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '.dial/**', 'packages/console/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { dial },
    rules: {
      'dial/package-boundaries': ['error', { packages: boundaries }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...coreGlobals.map((name) => ({ name, message: 'core is free of I/O: take it as a parameter.' }))],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core takes the time as a parameter.' },
        { object: 'Math', property: 'random', message: 'core takes randomness as a parameter.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core takes the time as a parameter.' },
      ],
      'no-console': 'error',
    },
  },
  {
    // The browser SDK runs in pages: DOM globals only, and React's rules of hooks for its bindings.
    files: ['packages/sdk-web/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-globals': ['error', ...nodeGlobals.map((name) => ({ name, message: 'sdk-web runs in browsers, which have no such global.' }))],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The console runs in the browser: DOM globals, and React's rules of hooks.
    files: ['packages/console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
