// The data version in one process: every committed write advances it in its own transaction, a
// failed one does not; a request catches the copy up before reading it; computed reports are
// kept per data version and recomputed after a change. (Across processes: test/e2e/data-version.)
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMessage } from '../../domain/messages.ts';
import { analytics } from '../../server/analytics.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { maskError } from '../../server/errors.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { decide } from '../helpers/meetings.ts';

const latest = async () => (await db.changeLog.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
const RATIO_A = `{ complianceReport(unitCode: "A", subtree: false, asOf: "2026-11-21") {
  rows(rules: [RATIO_PRINCIPAL]) { rows { value target status } } } }`;

describe('the data version', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('moves with every committed write and names what changed', async () => {
    const start = await latest();
    await gqlOk(
      'mutation { transitionReserve(input: { reserveId: "R02", to: INSPECTING, on: "2026-10-01" }) { status } }',
    );
    await gqlOk(
      'mutation { setPolicy(input: { effectiveFrom: "2030-01-01", overrides: { alertWindowDays: 60 } }) { id } }',
    );
    const rows = await db.changeLog.findMany({ where: { seq: { gt: start } }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.entity, r.keys === null ? null : JSON.parse(r.keys)])).toEqual([
      ['ReserveEntry', ['R02']],
      ['Policy', [expect.any(String)]],
    ]);
  });

  it('does not move when a write is refused', async () => {
    const start = await latest();
    const refused = await gql(
      'mutation { transitionReserve(input: { reserveId: "R04", to: ACTIVE, on: "2026-10-01" }) { status } }',
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(await latest()).toBe(start);
  });

  it('keeps a computed report until the next change, then recomputes it', async () => {
    await decide('R01', { unitCode: 'A', heldOn: '2026-10-30', subject: 'REMOVAL' });
    const copy = await analytics();
    // A: one principal post, R01 the only principal reserve: 1 of ceil(2 × 1) = 2.
    const first = await gqlOk(RATIO_A);
    expect(first).toEqual({ complianceReport: { rows: { rows: [{ value: 1, target: 2, status: 'BREACH' }] } } });
    const before = copy.queryCount;
    expect(await gqlOk(RATIO_A)).toEqual(first);
    expect(copy.queryCount - before).toBe(0); // the kept answer: no DuckDB query

    await gqlOk(
      'mutation { transitionReserve(input: { reserveId: "R01", to: REMOVED, on: "2026-11-01", reason: "调离" }) { status } }',
    );
    // R01 left on 2026-11-01: no principal reserve on 2026-11-21.
    expect(await gqlOk(RATIO_A)).toEqual({
      complianceReport: { rows: { rows: [{ value: 0, target: 2, status: 'BREACH' }] } },
    });
    expect(copy.queryCount - before).toBeGreaterThan(0);
    expect(copy.version).toBe(await latest());
  });
});

describe('database errors', () => {
  it('maps a unique-key violation from the database to CONFLICT, not a masked error', async () => {
    const error = await db.unit
      .create({ data: { id: 99, code: 'C01', name: '重复', kind: 'PARTY_GOV', level: 'CITY', path: '99.', depth: 0 } })
      .catch((e: unknown) => e);
    const masked = maskError(error, 'Unexpected error.') as unknown as {
      message: string;
      extensions: { code: string; messageKey: string };
    };
    expect(masked.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'db.duplicate' });
    // Outside a request: the default language.
    expect(masked.message).toBe(formatMessage('db.duplicate', {}, 'zh-CN'));
  });

  it('maps a missing referenced record to BAD_USER_INPUT', async () => {
    const error = await db.position
      .create({
        data: { code: 'X-P1', unitCode: 'NOPE', title: '无', kind: 'DEPUTY', rank: 'STAFF', category: 'PARTY_GOV' },
      })
      .catch((e: unknown) => e);
    expect((maskError(error, 'Unexpected error.') as unknown as { extensions: { code: string } }).extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('argument bounds', () => {
  it('refuse an out-of-range page size with BAD_USER_INPUT naming the argument', async () => {
    const r = await gql('{ complianceReport(unitCode: "C01") { worstUnits(first: 5000) { unitCode } } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/first.*at most 1000/);
    const horizon = await gql('{ successionGaps(unitCode: "C01", horizonYears: 31) { totalGap } }');
    expect(horizon.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(horizon.errors?.[0]?.message).toMatch(/horizonYears/);
  });
});
