// Run by `npm run bench -- interchange` in a child process whose DATABASE_URL is the imported
// database: the statistics table (computed, then kept), its spreadsheet, the annual report's
// figures and its Word file with charts (with a scenario's plan), and Word files of 20 people's
// 任免审批表 and of a 20-candidate dossier, each through the API as the dashboard asks for them.
// Prints one JSON line of milliseconds.
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';

await migrate(databaseConfig());
const { db } = await import('../server/db/client.ts');
const { analytics } = await import('../server/analytics.ts');
const { handle } = await import('../server/yoga.ts');
const { createApiToken, createUser } = await import('../server/auth/accounts.ts');

const root = process.env.BENCH_UNIT ?? 'C01';
const asOf = process.env.BENCH_AS_OF ?? '2026-07-01';
const year = Number(asOf.slice(0, 4)) - 1;
if (!(await db.user.findUnique({ where: { username: 'bench' } })))
  await createUser(db, { username: 'bench', password: 'bench-password', role: 'ADMIN', unitCode: null }, 'bench');
const { token } = await createApiToken(db, 'bench', { actor: 'bench' });
await analytics();

const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
async function timed(path: string, body?: object): Promise<[number, Record<string, unknown>]> {
  const t = performance.now();
  const response = await handle(
    new Request(`http://bench${path}`, body ? { method: 'POST', headers, body: JSON.stringify(body) } : { headers }),
  );
  const answer = response.headers.get('content-type')?.includes('json')
    ? ((await response.json()) as Record<string, unknown>)
    : { bytes: (await response.arrayBuffer()).byteLength };
  if ('errors' in answer) throw new Error(JSON.stringify(answer.errors));
  return [performance.now() - t, answer];
}
const gql = (query: string, variables: object = {}) => timed('/graphql', { query, variables });

const STATS = `query($u: String!, $a: Date) { statisticsTable(unitCode: $u, asOf: $a) { rows { label cells { count share } } } }`;
const [statisticsMs] = await gql(STATS, { u: root, a: asOf });
const [statisticsKeptMs] = await gql(STATS, { u: root, a: asOf });
const [sheetMs] = await timed(`/export/statistics.xlsx?unit=${root}&asOf=${asOf}`);
const [, saved] = await gql(
  `mutation($u: String!) { saveScenario(input: { name: "bench", params: { unitCode: $u, horizonYears: 1 } }) { id } }`,
  { u: root },
);
const scenario = (saved.data as { saveScenario: { id: string } }).saveScenario.id;
const [figuresMs] = await gql(
  `query($u: String!, $y: Int!) { annualReport(unitCode: $u, year: $y) { poolEnd { total } compliance { rule breaches } } }`,
  { u: root, y: year },
);
const REPORT = `mutation($u: String!, $y: Int!, $s: ID) { exportAnnualReport(unitCode: $u, year: $y, scenarioId: $s, format: DOCX) { fileName contentBase64 } }`;
const [reportMs, report] = await gql(REPORT, { u: root, y: year, s: scenario });
const reportBytes = (report.data as { exportAnnualReport: { contentBase64: string } }).exportAnnualReport.contentBase64
  .length;
const [, some] = await gql(
  `{ reserves(first: 20, filter: { status: [ACTIVE] }) { edges { node { code person { code } } } } }`,
);
const edges = (some.data as { reserves: { edges: { node: { code: string; person: { code: string } } }[] } }).reserves
  .edges;
const DOC = `mutation($k: DocumentKind!, $c: [String!]!) { exportDocument(kind: $k, codes: $c, format: DOCX) { fileName } }`;
const [formsMs] = await gql(DOC, { k: 'APPOINTMENT_FORM', c: edges.map((e) => e.node.person.code) });
const [dossierMs] = await gql(DOC, { k: 'DOSSIER', c: edges.map((e) => e.node.code) });
console.log(
  JSON.stringify({
    statisticsMs,
    statisticsKeptMs,
    sheetMs,
    figuresMs,
    reportMs,
    reportKiB: Math.round((reportBytes * 3) / 4 / 1024),
    formsMs,
    dossierMs,
    people: edges.length,
  }),
);
process.exit(0);
