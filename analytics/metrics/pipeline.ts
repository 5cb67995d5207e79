// 管理流程: how entries flow through the pool, as of a date. Everything counts entries in scope
// (by the unit they are reserved for) that had been nominated by asOf, from their dates, so a
// past asOf gives what was true then (see docs/decisions/008-pipeline-and-alerts.md).
import { ymdNumber } from '../../domain/dates.ts';
import { duckdb, yearOf } from '../dialect.ts';
import { int, type MetricInput, share } from '../metric.ts';

export interface Pipeline {
  statusCounts: { status: string; count: number }[];
  enteredPerYear: { year: number; count: number }[];
  enteredBySource: { source: string; count: number }[];
  nominated: number;
  entered: number;
  conversion: number;
  promotionsPerYear: { year: number; count: number }[];
  exitsByReason: { status: string; reason: string | null; count: number }[];
  exits: number;
  expired: number;
  idleRate: number;
  meanMonthsToPromotion: number | null;
}

const FINAL = `('PROMOTED', 'REMOVED', 'EXPIRED', 'REJECTED')`;
const PRE_POOL = `('NOMINATED', 'INSPECTING', 'PUBLICIZING')`;

export async function pipeline({ copy, scope, asOf }: MetricInput): Promise<Pipeline> {
  const at = duckdb.int('$asOf');
  const known = `WITH e AS (
      SELECT r.* FROM reserves r JOIN units u ON u.id = r.unit_id
      WHERE ${scope.where} AND r.nominated_ymd <= ${at}
    )`;
  const params = { scope: scope.param, asOf: ymdNumber(asOf) };
  // Status at asOf: final once exited; ACTIVE once entered; before that the current pre-pool
  // status, or NOMINATED for an entry that has moved on since (v1 datasets date no pre-pool steps).
  const statusAt = `CASE
      WHEN exited_ymd <= ${at} AND status IN ${FINAL} THEN status
      WHEN entered_ymd <= ${at} THEN 'ACTIVE'
      WHEN status IN ${PRE_POOL} THEN status
      ELSE 'NOMINATED' END`;
  // One connection: the queries run one after another.
  const run = async (sqls: string[]) => {
    const out = [];
    for (const sql of sqls) out.push(await copy.query(sql, params));
    return out;
  };
  const [statuses = [], perYear = [], bySource = [], totals = [], promotions = [], exits = [], months = []] = await run(
    [
      `${known} SELECT ${statusAt} AS status, count(*) AS n FROM e GROUP BY 1 ORDER BY 1`,
      `${known} SELECT ${yearOf(duckdb, 'entered_ymd')} AS y, count(*) AS n FROM e WHERE entered_ymd <= ${at} GROUP BY 1 ORDER BY 1`,
      `${known} SELECT source, count(*) AS n FROM e WHERE entered_ymd <= ${at} GROUP BY 1 ORDER BY 2 DESC, 1`,
      `${known} SELECT count(*) AS nominated, count(*) FILTER (WHERE entered_ymd <= ${at}) AS entered FROM e`,
      `${known} SELECT ${yearOf(duckdb, 'exited_ymd')} AS y, count(*) AS n FROM e WHERE status = 'PROMOTED' AND exited_ymd <= ${at} GROUP BY 1 ORDER BY 1`,
      `${known} SELECT status, exit_reason, count(*) AS n FROM e
       WHERE status IN ('PROMOTED', 'REMOVED', 'EXPIRED') AND entered_ymd IS NOT NULL AND exited_ymd <= ${at}
       GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      `${known} SELECT avg(date_diff('day', ${duckdb.toDate('entered_ymd')}, ${duckdb.toDate('exited_ymd')})) / (365.25 / 12) AS months FROM e
       WHERE status = 'PROMOTED' AND entered_ymd IS NOT NULL AND exited_ymd <= ${at}`,
    ],
  );
  const exitRows = exits.map((r) => ({
    status: r.status as string,
    reason: (r.exit_reason as string | null) ?? null,
    count: int(r.n),
  }));
  const exitCount = exitRows.reduce((s, r) => s + r.count, 0);
  const expired = exitRows.filter((r) => r.status === 'EXPIRED').reduce((s, r) => s + r.count, 0);
  const nominated = int(totals[0]?.nominated);
  const entered = int(totals[0]?.entered);
  const m = months[0]?.months;
  return {
    statusCounts: statuses.map((r) => ({ status: r.status as string, count: int(r.n) })),
    enteredPerYear: perYear.map((r) => ({ year: int(r.y), count: int(r.n) })),
    enteredBySource: bySource.map((r) => ({ source: r.source as string, count: int(r.n) })),
    nominated,
    entered,
    conversion: share(entered, nominated),
    promotionsPerYear: promotions.map((r) => ({ year: int(r.y), count: int(r.n) })),
    exitsByReason: exitRows,
    exits: exitCount,
    expired,
    idleRate: share(expired, exitCount),
    meanMonthsToPromotion: m === null || m === undefined ? null : Number(m),
  };
}
