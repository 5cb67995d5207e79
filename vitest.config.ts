import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests once; database tests once on SQLite and once on PostgreSQL.
// Each database test file works on its own copy of a migrated base database (test/setup).
// TEST_DATABASES=sqlite skips PostgreSQL (for a machine without a server); CI runs both.
const databases = (process.env.TEST_DATABASES ?? 'sqlite,postgresql').split(',');

const dbProject = (provider: 'sqlite' | 'postgresql') => ({
  extends: true as const,
  test: {
    name: provider,
    include: ['test/db/**/*.test.ts'],
    globalSetup: [`test/setup/global-${provider}.ts`],
    setupFiles: ['test/setup/per-file.ts'],
  },
});

export default defineConfig({
  // Node loads graphql's CommonJS build (for yoga); Vite would pick its ESM build for our code.
  // Two copies break `instanceof GraphQLError`, and masking then hides expected errors.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // A poll waits for what a page or a server shows next; on a loaded 2-core host the default
    // second is not enough (a CI run lost a drill-down's heading to it), so wait up to 15 s.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/e2e/**/*.test.ts'] } },
      ...databases.map((d) => dbProject(d as 'sqlite' | 'postgresql')),
    ],
  },
});
