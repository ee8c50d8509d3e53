/** Unit, workbook (office-addin-mock) and component tests. Browser tests run separately (test:e2e). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/dist/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
  // ESM-only packages that jest's CommonJS loader must see transpiled.
  transformIgnorePatterns: ['/node_modules/(?!(nanoid)/)'],
  // ExcelJS and LibreOffice round trips take seconds on a loaded 2-core machine; a hook that waits on them
  // must not fail for jest's 5 s default. Speed is measured in `npm run bench`, never asserted here.
  testTimeout: 60_000,
  setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose ESM-only dependencies break CommonJS loading.
    '^office-addin-manifest$': '<rootDir>/test/support/office-addin-manifest-stub.js',
    '\\.(css|png|svg)$': '<rootDir>/test/support/asset-stub.js',
  },
};
