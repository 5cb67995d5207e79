// Every row of a compliance report as filtered and sorted (not only the page on screen), read a
// page at a time: what the export, the printout and the meeting pack all list.
import type { Client } from 'urql';
import type { ResultOf, VariablesOf } from './graphql.ts';
import { COMPLIANCE_ROWS } from './operations.ts';

export type ComplianceRow = ResultOf<typeof COMPLIANCE_ROWS>['complianceReport']['rows']['rows'][number];

/** Rows per request: a thousand rows of twenty fields is past the server's complexity limit. */
const PAGE = 500;

export async function allComplianceRows(
  client: Client,
  variables: Omit<VariablesOf<typeof COMPLIANCE_ROWS>, 'first' | 'offset'>,
): Promise<ComplianceRow[]> {
  const rows: ComplianceRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const r = await client.query(COMPLIANCE_ROWS, { ...variables, first: PAGE, offset }).toPromise();
    if (r.error || !r.data) throw r.error ?? new Error('no data');
    rows.push(...r.data.complianceReport.rows.rows);
    if (rows.length >= r.data.complianceReport.rows.total) return rows;
  }
}
