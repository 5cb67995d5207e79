// The first screen computed ahead (server/ahead.ts, decision 048): after start and after every
// change — made through the API or elsewhere — the dashboard's Overview of each account's scope is
// computed before anyone asks, so the overview a user then opens computes nothing anew.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { unitPaths } from '../../analytics/metrics/horizon.ts';
import { todayIso } from '../../domain/dates.ts';
import { aheadSettled, aheadStatus, scheduleAhead, startAhead, stopAhead } from '../../server/ahead.ts';
import { caughtUpAnalytics } from '../../server/analytics.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { recordChange } from '../../server/db/changes.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gqlOk, tokenFor } from '../helpers/graphql.ts';
import { until } from '../helpers/wait.ts';

// The dashboard's own Overview operation, as the server reads it.
const operations = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../web/persisted-operations.json'), 'utf8'),
) as Record<string, string>;
const OVERVIEW = Object.values(operations).find((q) => q.startsWith('query Overview('))!;

describe('the first screen computed ahead', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) }, { replace: true });
    // Two scopes: the whole tree (the tree's root C01) and county A.
    await tokenFor('ADMIN', null);
    await tokenFor('ORG_OFFICER', 'A');
  });
  afterEach(() => stopAhead());

  /** Opens both accounts' overviews; the number of answers the copy computed for them. */
  const openOverviews = async () => {
    const copy = await caughtUpAnalytics();
    const before = copy.keptAnswers;
    const asOf = todayIso();
    const root = await gqlOk<{ complianceReport: { totals: unknown[] } }>(OVERVIEW, { unitCode: 'C01', asOf });
    const county = await gqlOk(OVERVIEW, { unitCode: 'A', asOf }, { role: 'ORG_OFFICER', viewerUnit: 'A' });
    expect(root.complianceReport.totals.length).toBeGreaterThan(0);
    expect(county).toBeTruthy();
    return copy.keptAnswers - before;
  };

  it('computes every scope’s overview on start and again after a change through the API', async () => {
    expect(await openOverviews()).toBeGreaterThan(0); // without computing ahead: computed on asking
    startAhead({ debounceMs: 10, pollMs: 3_600_000 });
    // The copy moves on: what was kept is for the last version. A change, then the first pass.
    const copy = await caughtUpAnalytics();
    await gqlOk(
      'mutation { transitionReserve(input: { reserveId: "R02", to: INSPECTING, on: "2026-10-01" }) { status } }',
    );
    await until(() => aheadStatus()?.version === copy.version && copy.version > 0);
    await aheadSettled();
    expect(aheadStatus()).toMatchObject({ scopes: 2, failed: null });
    expect(await openOverviews()).toBe(0);
    // The units' names and paths, which every list labels its rows with, are read ahead too.
    const kept = copy.keptAnswers;
    expect((await unitPaths(copy)).get('A')).toEqual(['示范市', '甲县']);
    expect(copy.keptAnswers).toBe(kept);

    const before = copy.version;
    await gqlOk(
      'mutation { setPolicy(input: { effectiveFrom: "2031-01-01", overrides: { alertWindowDays: 61 } }) { id } }',
    );
    await until(() => (aheadStatus()?.version ?? 0) > before);
    await aheadSettled();
    expect(await openOverviews()).toBe(0);
  });

  it('sees a change made elsewhere (a command, another replica) on its next look', async () => {
    startAhead({ debounceMs: 10, pollMs: 3_600_000 });
    await aheadSettled();
    const seen = aheadStatus()!.version;
    // Written straight to the database, as a command does: the server hears nothing.
    await db.$transaction((tx) => recordChange(tx, { entity: 'Policy', keys: ['ahead-test'] }));
    scheduleAhead(0); // what the poll does every few seconds
    await until(() => (aheadStatus()?.version ?? 0) > seen);
    await aheadSettled();
    expect(await openOverviews()).toBe(0);
  });
});
