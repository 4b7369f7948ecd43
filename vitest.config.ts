import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The integration files that also run on an office database (#16 item 3: the back-end matrix),
 * one per area: lifecycle and cases, intake, verification, fees, letters, mail, audit, search,
 * Today, reports, staff and unlock. Kept to ≲ 3 minutes; the full corpora stay in the bench.
 */
export const POSTGRES_FILES = [
  'test/integration/lifecycle.test.ts',
];

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    // Real scrypt, real SQLCipher and a real Chromium: generous but bounded.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'vault', include: ['test/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: POSTGRES_FILES,
          globalSetup: ['test/global-setup-postgres.ts'],
          env: { KAIJI_TEST_BACKEND: 'postgres' },
        },
      },
    ],
  },
});
