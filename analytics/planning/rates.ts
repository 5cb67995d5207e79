// Rates learned from the dated history, offered as a scenario's defaults and shown beside the
// planner's own assumptions. Over a window of W years before asOf, per kind: the exposure (years
// entries spent active in the window) and the exits in it by kind of exit and reason:
//   - attrition: removals (调整出库) per entry-year λ, as a yearly probability 1 − e^(−λ) — the
//     scenario's "other attrition" (age and period exits are the rules' own, not attrition);
//   - promotion: promotions per entry-year; and the share of the pool's ends that were
//     promotions rather than expiry, promoted / (promoted + expired) — the complement of the idle
//     rate (备而不用), offered as the promotion probability;
//   - per unit, each rate shrunk toward its kind's rate: (events + k × overall) / (exposure + k),
//     k the prior's weight in entry-years, so a unit with little history keeps near the overall.
// Tier progress cannot be learned: the history keeps no dated tier changes (docs/decisions/017).
import { addYears, ymdNumber } from '../../domain/dates.ts';
import type { PositionKind } from '../../domain/enums.ts';
import { duckdb } from '../dialect.ts';
import { int, type MetricInput } from '../metric.ts';

export interface LearnedRate {
  /** Events per entry-year, and the yearly probability 1 − e^(−rate). */
  perEntryYear: number;
  yearly: number;
  events: number;
}

export interface KindRates {
  kind: PositionKind;
  /** Entry-years active in the window, and the entries behind them. */
  exposureYears: number;
  entries: number;
  promotion: LearnedRate;
  removal: LearnedRate;
  expiry: LearnedRate;
  /** promoted / (promoted + expired); null with neither. */
  promotionShare: number | null;
  /** Removals per reason. */
  removalReasons: { reason: string; events: number; perEntryYear: number }[];
}

export interface UnitRates {
  unitCode: string;
  unitName: string;
  kind: PositionKind;
  exposureYears: number;
  promotions: number;
  removals: number;
  /** Shrunk toward the kind's rate, yearly probabilities. */
  promotionYearly: number;
  removalYearly: number;
}

export interface LearnedRates {
  windowStart: string;
  windowEnd: string;
  priorWeight: number;
  kinds: KindRates[];
  units: UnitRates[];
  unitCount: number;
}

const yearly = (perEntryYear: number) => 1 - Math.exp(-perEntryYear);
const rate = (events: number, exposure: number): LearnedRate => {
  const perEntryYear = exposure > 0 ? events / exposure : 0;
  return { perEntryYear, yearly: yearly(perEntryYear), events };
};

export async function learnedRates(
  { copy, scope, asOf }: MetricInput,
  options: { windowYears: number; priorWeight: number; first: number; offset: number },
): Promise<LearnedRates> {
  const windowStart = addYears(asOf, -options.windowYears);
  const from = duckdb.toDate('$from');
  const to = duckdb.toDate('$to');
  // Days active within (from, to]: from the later of entry and window start to the earlier of exit and asOf.
  const exposure = `greatest(0, date_diff('day', greatest(${duckdb.toDate('r.entered_ymd')}, ${from}),
      least(coalesce(${duckdb.toDate('r.exited_ymd')}, ${to}), ${to}))) / 365.25`;
  const exitIn = `r.exited_ymd > $from AND r.exited_ymd <= $to`;
  const rows = await copy.query(
    `WITH scoped AS (SELECT u.id, u.code, u.name FROM units u WHERE ${scope.where}),
     e AS (
       SELECT s.code, s.name, s.id, r.kind, ${exposure} AS years, r.status, r.exit_reason,
         (${exitIn}) AS exited
       FROM reserves r JOIN scoped s ON s.id = r.unit_id
       WHERE r.entered_ymd IS NOT NULL AND r.entered_ymd <= $to AND (r.exited_ymd IS NULL OR r.exited_ymd > $from)
     )
     SELECT id, code, name, kind, sum(years) AS years, count(*) AS entries,
       count(*) FILTER (WHERE exited AND status = 'PROMOTED') AS promoted,
       count(*) FILTER (WHERE exited AND status = 'REMOVED') AS removed,
       count(*) FILTER (WHERE exited AND status = 'EXPIRED') AS expired
     FROM e GROUP BY ALL ORDER BY id, kind DESC`,
    { scope: scope.param, from: ymdNumber(windowStart), to: ymdNumber(asOf) },
  );
  const reasons = await copy.query(
    `WITH scoped AS (SELECT u.id FROM units u WHERE ${scope.where})
     SELECT r.kind, coalesce(r.exit_reason, '') AS reason, count(*) AS n
     FROM reserves r JOIN scoped s ON s.id = r.unit_id
     WHERE r.status = 'REMOVED' AND ${exitIn}
     GROUP BY ALL ORDER BY n DESC, reason`,
    { scope: scope.param, from: ymdNumber(windowStart), to: ymdNumber(asOf) },
  );
  const kinds: KindRates[] = (['PRINCIPAL', 'DEPUTY'] as const).map((kind) => {
    const of = rows.filter((r) => r.kind === kind);
    const sum = (f: string) => of.reduce((s, r) => s + Number(r[f] ?? 0), 0);
    const years = sum('years');
    const promoted = sum('promoted');
    const expired = sum('expired');
    return {
      kind,
      exposureYears: years,
      entries: sum('entries'),
      promotion: rate(promoted, years),
      removal: rate(sum('removed'), years),
      expiry: rate(expired, years),
      promotionShare: promoted + expired > 0 ? promoted / (promoted + expired) : null,
      removalReasons: reasons
        .filter((r) => r.kind === kind)
        .map((r) => ({ reason: r.reason as string, events: int(r.n), perEntryYear: years > 0 ? int(r.n) / years : 0 })),
    };
  });
  const k = options.priorWeight;
  const byKind = new Map(kinds.map((x) => [x.kind, x]));
  const shrunk = (events: number, years: number, overall: number) => yearly((events + k * overall) / (years + k));
  const units: UnitRates[] = rows.slice(options.offset, options.offset + options.first).map((r) => {
    const overall = byKind.get(r.kind as PositionKind)!;
    const years = Number(r.years);
    return {
      unitCode: r.code as string,
      unitName: r.name as string,
      kind: r.kind as PositionKind,
      exposureYears: years,
      promotions: int(r.promoted),
      removals: int(r.removed),
      promotionYearly: shrunk(int(r.promoted), years, overall.promotion.perEntryYear),
      removalYearly: shrunk(int(r.removed), years, overall.removal.perEntryYear),
    };
  });
  return { windowStart, windowEnd: asOf, priorWeight: k, kinds, units, unitCount: rows.length };
}
