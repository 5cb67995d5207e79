// 管理流程: how entries flow through the pool, as of a date. Everything counts entries in scope
// (by the unit they are reserved for) that had been nominated by asOf, from their dates, so a
// past asOf gives what was true then (see docs/decisions/008-pipeline-and-alerts.md).
import type { AnalyticsCopy } from '../copy.ts';
import type { MetricScope } from '../scope.ts';
import { int, share } from './common.ts';

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

export async function pipeline(copy: AnalyticsCopy, scope: MetricScope, asOf: string): Promise<Pipeline> {
  const known = `WITH e AS (
      SELECT r.* FROM reserves r JOIN units u ON u.id = r.unit_id
      WHERE ${scope.where} AND r.nominated_on <= CAST($asOf AS DATE)
    )`;
  const params = { scope: scope.param, asOf };
  // Status at asOf: final once exited; ACTIVE once entered; before that the current pre-pool
  // status, or NOMINATED for an entry that has moved on since (v1 datasets date no pre-pool steps).
  const statusAt = `CASE
      WHEN exited_on <= CAST($asOf AS DATE) AND status IN ${FINAL} THEN status
      WHEN entered_on <= CAST($asOf AS DATE) THEN 'ACTIVE'
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
      `${known} SELECT year(entered_on) AS y, count(*) AS n FROM e WHERE entered_on <= CAST($asOf AS DATE) GROUP BY 1 ORDER BY 1`,
      `${known} SELECT source, count(*) AS n FROM e WHERE entered_on <= CAST($asOf AS DATE) GROUP BY 1 ORDER BY 2 DESC, 1`,
      `${known} SELECT count(*) AS nominated, count(*) FILTER (WHERE entered_on <= CAST($asOf AS DATE)) AS entered FROM e`,
      `${known} SELECT year(exited_on) AS y, count(*) AS n FROM e WHERE status = 'PROMOTED' AND exited_on <= CAST($asOf AS DATE) GROUP BY 1 ORDER BY 1`,
      `${known} SELECT status, exit_reason, count(*) AS n FROM e
       WHERE status IN ('PROMOTED', 'REMOVED', 'EXPIRED') AND entered_on IS NOT NULL AND exited_on <= CAST($asOf AS DATE)
       GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      `${known} SELECT avg(date_diff('day', entered_on, exited_on)) / (365.25 / 12) AS months FROM e
       WHERE status = 'PROMOTED' AND entered_on IS NOT NULL AND exited_on <= CAST($asOf AS DATE)`,
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
