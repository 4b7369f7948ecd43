import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The integration files that also run on an office database (#16 item 3: the back-end matrix,
 * with the sealing plugin on): lifecycle and cases, intake, verification (deficiencies, repeat
 * requests), fees, letters, mail, search (import), Today, reports, lists, staff and unlock
 * (first sign-in, office-desks), the audit trail's words. Others run there with KAIJI_PG_ANY=1.
 */
export const POSTGRES_FILES = [
  'test/integration/lifecycle.test.ts',
  'test/integration/envelopes.test.ts',
  'test/integration/money-order-ledger.test.ts',
  'test/integration/letters.test.ts',
  'test/integration/mail-paging.test.ts',
  'test/integration/today.test.ts',
  'test/integration/reports.test.ts',
  'test/integration/import.test.ts',
  'test/integration/first-sign-in.test.ts',
  'test/integration/case-lists.test.ts',
  'test/integration/repeat-requests.test.ts',
  'test/integration/deficiency.test.ts',
  'test/integration/today-needs-action.test.ts',
  'test/integration/office-desks.test.ts',
  // The audit trail's words, matched at the desk over sealed summaries.
  'test/integration/audit-words.test.ts',
  // #16 item 3: optimistic versions through the real dispatcher, and notices between two cores.
  'test/integration/optimistic-versions.test.ts',
  'test/integration/office-notices.test.ts',
  'test/integration/office-three-desks.test.ts',
  // Every channel with an empty input on the office database: none may be INTERNAL.
  'test/integration/channel-sweep.test.ts',
  // #16 item 1: the desk's connection screen (test connection, save and use, back to the vault).
  'test/integration/office-connect.test.ts',
  // #16 item 2: the case list's name search by prefix MACs, same answers as the vault's range.
  'test/integration/office-name-search.test.ts',
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
          // KAIJI_PG_ANY=1 lets any integration file be run on PostgreSQL by name (trying a file for the matrix).
          include: process.env.KAIJI_PG_ANY === '1' ? ['test/integration/*.test.ts'] : POSTGRES_FILES,
          globalSetup: ['test/global-setup-postgres.ts'],
          env: { KAIJI_TEST_BACKEND: 'postgres' },
        },
      },
    ],
  },
});
