import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

// eslint-plugin-office-addins 4 exports flat configs: `recommended` is an array whose last entry
// also switches on prettier. Take only its office-addins/* rules (Excel.run, load and sync misuse).
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith('office-addins/')),
);
if (Object.keys(officeAddinsRules).length === 0) throw new Error('eslint-plugin-office-addins: no office-addins/* rules found');

const nodeGlobals = {
  require: 'readonly', module: 'writable', exports: 'writable', process: 'readonly', __dirname: 'readonly',
  __filename: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly',
  clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'scratch/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Office.js usage rules for the code that runs against Excel. Tests are left out: they read
    // office-addin-mock and ExcelJS objects, which the rules mistake for unsynced Office.js proxies.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: officeAddinsRules,
  },
  {
    // The core is pure: no Office, React, DOM or Node I/O (as excalidraw keeps its core packages).
    files: ['src/ledger/**/*.{ts,tsx}'],
    ignores: ['src/ledger/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@fluentui/*'], message: 'src/ledger is pure: no React.' },
            { group: ['@microsoft/office-js', 'office-*', '**/workbook/**', '**/taskpane/**', '**/functions/**'], message: 'src/ledger is pure: no Office and no adapters.' },
            { group: ['fs', 'path', 'node:*', 'child_process'], message: 'src/ledger is pure: no Node I/O.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', '*.config.{js,mjs}', 'webpack.config.js', 'test/**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
