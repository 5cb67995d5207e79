// Today's compliance report kept per unit beside the copy (../kept.ts, docs/decisions/049): every
// unit's measures, roll-ups, rule rows, ranking and subtree sums, built once for a date and
// policy and patched for the units each change touched, so a report after a change reads a few
// thousand rows instead of counting the whole pool again. Any request of the report (any scope,
// the totals, the worst units, a page of rows) reads the same tables; the statements are
// sql.ts's, so kept and computed rows are the same rows (test/db/compliance-kept.test.ts).
import type { PoliciesAt } from '../../domain/policy/effective.ts';
import type { AnalyticsCopy } from '../copy.ts';
import { idList, type KeptFigures, keptFigures } from '../kept.ts';
import { type KeptTables, keptStatements } from './sql.ts';

export type KeptReport = KeptFigures<KeptTables>;

/** The kept report of a date and policy (the report statements' parameters, dates as yyyymmdd). */
export function keptReport(copy: AnalyticsCopy, policies: PoliciesAt, params: Record<string, number>): KeptReport {
  return keptFigures(
    copy,
    'compliance',
    policies.versions.join(','),
    (name) => {
      const tables: KeptTables = {
        pol: name('pol'),
        base: name('base'),
        tree: name('tree'),
        roll: name('roll'),
        judged: name('judged'),
        ranked: name('ranked'),
        sums: name('sums'),
      };
      const statements = keptStatements(policies, tables);
      return {
        tables,
        build: statements.build,
        async patch(units, query) {
          // The changed units and every unit above them: their roll-ups, rows and sums change too.
          const above = idList((await query(statements.above(units))).map((r) => Number(r.id)));
          for (const sql of statements.patch(units, above)) await query(sql);
        },
      };
    },
    params,
  );
}
