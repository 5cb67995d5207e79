// The 年度分析报告: its figures by hand on the small fixture, the Word file saying them with its
// charts, and on a generated county every figure equal to what the dashboard's own fields give
// for the same dates (drill totals of the measures, the compliance report's totals, training
// coverage, the scenario re-run at the year's end).
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { generateDataset } from '../../server/dataset/synthetic.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';

interface Kinds {
  total: number;
  principal: number;
  deputy: number;
}
interface Report {
  unitName: string;
  poolStart: Kinds;
  poolEnd: Kinds;
  intake: Kinds;
  exits: Kinds;
  intakeBySource: { key: string; count: number }[];
  exitsByStatus: { key: string; count: number }[];
  idleRate: number | null;
  structure: Record<string, number>;
  compliance: { rule: string; label: string; units: number; breaches: number; warnings: number }[];
  training: { year: number; reserves: number; covered: number; coverage: number; people: number; trained: number };
  plan: {
    scenario: string;
    years: { year: number; intake: number; expectedVacancies: number; successionGap: number }[];
  } | null;
}

const REPORT = `query($u: String!, $y: Int!, $s: ID) { annualReport(unitCode: $u, year: $y, scenarioId: $s) {
  unitName poolStart { total principal deputy } poolEnd { total principal deputy } intake { total principal deputy }
  exits { total principal deputy } intakeBySource { key count } exitsByStatus { key count } idleRate
  structure { women minority nonCpc special nearTerm bachelor }
  compliance { rule label units breaches warnings } training { year reserves covered coverage people trained }
  plan { scenario years { year intake expectedVacancies successionGap } } } }`;

const report = async (unit: string, year: number, scenario: string | null = null) =>
  (await gqlOk<{ annualReport: Report }>(REPORT, { u: unit, y: year, s: scenario })).annualReport;

const nonZero = (list: { key: string; count: number }[]) =>
  Object.fromEntries(list.filter((x) => x.count > 0).map((x) => [x.key, x.count]));

describe('the annual report on the small fixture', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) }, { replace: true });
  });

  it('counts 2025 by hand: start, intake, exits and end that add up', async () => {
    // 31 Dec 2024: R03 (正职, entered 2024-03-01) and R04 (副职, entered 2023-02-01) → 2.
    // 2025: R01 (正职, 2025-01-10) and R06 (副职, 2025-09-01) entered, both 民主推荐; R04 promoted
    // 2025-06-30. 31 Dec 2025: R01, R03, R06 → 2 + 2 − 1 = 3.
    const r = await report('C01', 2025);
    expect(r.poolStart).toEqual({ total: 2, principal: 1, deputy: 1 });
    expect(r.intake).toEqual({ total: 2, principal: 1, deputy: 1 });
    expect(r.exits).toEqual({ total: 1, principal: 0, deputy: 1 });
    expect(r.poolEnd).toEqual({ total: 3, principal: 2, deputy: 1 });
    expect(nonZero(r.intakeBySource)).toEqual({ DEMOCRATIC_RECOMMENDATION: 2 });
    expect(nonZero(r.exitsByStatus)).toEqual({ PROMOTED: 1 });
    // Idle rate: 0 expired of 1 exit.
    expect(r.idleRate).toBe(0);
    // At the end: 孙 (F, 硕士, 近期), 吴 (无党派, 本科, 远期), 郑 (本科, 中期).
    expect(r.structure).toEqual({ women: 1, minority: 0, nonCpc: 1, special: 2, nearTerm: 1, bachelor: 3 });
    // No centralized training in 2025 (the fixture's are in 2026).
    expect(r.training).toMatchObject({ year: 2025, reserves: 3, covered: 0 });
    expect(r.plan).toBeNull();
  });

  it('writes the report as Word with its tables and charts, and the same text for print', async () => {
    const word = await gqlOk<{ exportAnnualReport: { fileName: string; contentBase64: string } }>(
      `mutation { exportAnnualReport(unitCode: "C01", year: 2025, format: DOCX) { fileName contentBase64 } }`,
    );
    expect(word.exportAnnualReport.fileName).toBe('年度分析报告-示范市-2025.docx');
    const zip = await JSZip.loadAsync(Buffer.from(word.exportAnnualReport.contentBase64, 'base64'));
    const body = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(body).toContain('示范市2025年度后备干部队伍建设分析报告');
    expect(body).toContain('（2 + 2 − 1 = 3）');
    expect(body).toContain('本年从后备干部中提拔使用 1 人');
    expect(body).toContain('备而不用率（期满退出占退出人数的比例）0.0%');
    // Three charts, each an SVG with its PNG.
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media.filter((n) => n.endsWith('.svg'))).toHaveLength(3);
    expect(media.filter((n) => n.endsWith('.png'))).toHaveLength(3);
    const print = await gqlOk<{
      exportAnnualReport: { document: { blocks: { kind: string; text: string | null }[] } };
    }>(
      `mutation { exportAnnualReport(unitCode: "C01", year: 2025, format: PRINT) { document { blocks { kind text } } } }`,
    );
    const paragraphs = print.exportAnnualReport.document.blocks.filter((b) => b.kind === 'paragraph');
    for (const p of paragraphs) expect(body).toContain(p.text!.slice(0, 30));
  });

  it('refuses the plan of a scenario of another unit, naming the field', async () => {
    const saved = await gqlOk<{ saveScenario: { id: string } }>(
      `mutation { saveScenario(input: { name: "甲县测算", params: { unitCode: "A", horizonYears: 1 } }) { id } }`,
    );
    const r = await gql(`query($s: ID) { annualReport(unitCode: "C01", year: 2025, scenarioId: $s) { unitName } }`, {
      s: saved.saveScenario.id,
    });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scenarioId' });
    expect(r.errors?.[0]?.message).toContain('甲县测算');
  });

  it('refuses a unit outside the account’s subtree, and a year out of range', async () => {
    const outside = await gql(`{ annualReport(unitCode: "A", year: 2025) { unitName } }`, {}, { viewerUnit: 'B' });
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await gql(`{ annualReport(unitCode: "C01", year: 3000) { unitName } }`);
    expect(bad.errors?.[0]?.extensions?.field ?? bad.errors?.[0]?.message).toBeTruthy();
  });
});

describe('the annual report against the dashboard’s own fields, on a generated county', () => {
  let root = '';
  let scenario = '';
  beforeAll(async () => {
    const data = generateDataset({ scale: 'county', seed: 23 });
    await importDataset(db, dbConfig, { file: writeDatasetFile(data) }, { replace: true });
    root = data.units.find((u) => u.parentCode === null)!.code as string;
    const saved = await gqlOk<{ saveScenario: { id: string } }>(
      `mutation($u: String!) { saveScenario(input: { name: "年度测算", params: { unitCode: $u, horizonYears: 2 } }) { id } }`,
      { u: root },
    );
    scenario = saved.saveScenario.id;
  });

  it('gives each figure as the measures, the compliance report, the training figures and the scenario do', async () => {
    const year = 2025;
    const r = await report(root, year, scenario);
    const total = async (measure: string, asOf: string) =>
      (
        await gqlOk<{ drill: { totalCount: number } }>(
          `query($m: String!, $u: String!, $a: Date) { drill(measure: $m, unitCode: $u, subtree: true, asOf: $a, first: 0) { totalCount } }`,
          { m: measure, u: root, a: asOf },
        )
      ).drill.totalCount;
    const end = `${year}-12-31`;
    const kinds = async (base: string, asOf: string) => ({
      total: await total(base, asOf),
      principal: await total(`${base}_PRINCIPAL`, asOf),
      deputy: await total(`${base}_DEPUTY`, asOf),
    });
    expect(r.poolStart).toEqual(await kinds('ENTRIES', `${year - 1}-12-31`));
    expect(r.poolEnd).toEqual(await kinds('ENTRIES', end));
    expect(r.intake).toEqual(await kinds('INTAKE', end));
    expect(r.exits).toEqual(await kinds('EXITS', end));
    expect(r.poolStart.total + r.intake.total - r.exits.total).toBe(r.poolEnd.total);
    for (const s of r.intakeBySource)
      expect({ s: s.key, n: s.count }).toEqual({ s: s.key, n: await total(`INTAKE_${s.key}`, end) });
    for (const s of r.exitsByStatus)
      expect({ s: s.key, n: s.count }).toEqual({ s: s.key, n: await total(`EXITS_${s.key}`, end) });
    expect(r.intakeBySource.reduce((a, s) => a + s.count, 0)).toBe(r.intake.total);
    expect(r.exitsByStatus.reduce((a, s) => a + s.count, 0)).toBe(r.exits.total);
    expect(r.intake.total).toBeGreaterThan(0);

    const { complianceReport, trainingCoverage, runScenario } = await gqlOk<{
      complianceReport: { totals: { rule: string; units: number; breaches: number; warnings: number }[] };
      trainingCoverage: { activeReserves: number; covered: number; people: number; trained: number };
      runScenario: { years: { year: number; intake: number; expectedVacancies: number; successionGap: number }[] };
    }>(
      `query($u: String!, $a: Date, $y: Int!, $s: ID!) {
        complianceReport(unitCode: $u, asOf: $a) { totals { rule units breaches warnings } }
        trainingCoverage(unitCode: $u, year: $y) { activeReserves covered people trained }
        runScenario(id: $s, asOf: $a) { years { year intake expectedVacancies successionGap } } }`,
      { u: root, a: end, y: year, s: scenario },
    );
    expect(r.compliance.map(({ rule, units, breaches, warnings }) => ({ rule, units, breaches, warnings }))).toEqual(
      complianceReport.totals,
    );
    expect(r.training).toMatchObject({
      reserves: trainingCoverage.activeReserves,
      covered: trainingCoverage.covered,
      people: trainingCoverage.people,
      trained: trainingCoverage.trained,
    });
    expect(r.plan!.scenario).toBe('年度测算');
    // The projection numbers its years from its date; the report names them.
    expect(r.plan!.years).toEqual(runScenario.years.map((y) => ({ ...y, year: year + y.year })));
    expect(r.plan!.years[0]!.year).toBe(year + 1);
  });
});
