// 重大事项报告 by hand on the small fixture: 孙后备 (R01, 甲县, in the pool) reports on 2026-05-10 a
// penalty of 2026-05-06, and on 2026-07-01 a change of work unit. The penalty is an alert
// (MAJOR_MATTER_OPEN) from the day it is reported until the organization department's finding
// (2026-06-01); the change of unit never is. Scoped, all or nothing, written once.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { failing } from '../helpers/failing-audit.ts';
import { type As, gql, gqlOk } from '../helpers/graphql.ts';

vi.mock('../../server/audit/log.ts', () => import('../helpers/failing-audit.ts'));

const zh = { headers: { 'accept-language': 'zh-CN' } };
const report = (input: Record<string, unknown>, as: As = zh) =>
  gql<{ recordMajorMatter: { id: number; kind: string } }>(
    'mutation($i: RecordMajorMatterInput!) { recordMajorMatter(input: $i) { id kind } }',
    {
      i: {
        reserveId: 'R01',
        kind: 'PENALTY',
        occurredOn: '2026-05-06',
        reportedOn: '2026-05-10',
        summary: '受到党内警告处分',
        ...input,
      },
    },
    as,
  );
const openOn = async (asOf: string) =>
  (
    await gqlOk<{ reserveAlerts: { items: { reserveCode: string }[] } }>(
      `query($a: Date) { reserveAlerts(unitCode: "C01", asOf: $a, kinds: [MAJOR_MATTER_OPEN]) { items { reserveCode } } }`,
      { a: asOf },
    )
  ).reserveAlerts.items.map((i) => i.reserveCode);

describe('重大事项报告 (major-matter reports)', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('refuses a matter reported before it occurred, outside the scope, or by a leader; nothing is left', async () => {
    const r = await report({ occurredOn: '2026-05-12' });
    expect(r.errors?.[0]).toMatchObject({
      message: '后备干部记录“R01”：发生日期 2026-05-12 须不晚于报告日期 2026-05-10，报告日期不能晚于今天',
      extensions: { field: 'occurredOn' },
    });
    expect((await report({}, { viewerUnit: 'B', role: 'ORG_OFFICER' })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await report({}, { role: 'LEADER' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    failing.audit = true;
    try {
      expect((await report({})).errors).toBeDefined();
    } finally {
      failing.audit = false;
    }
    expect(await db.majorMatter.count()).toBe(0);
  });

  it('keeps a penalty open as an alert until the finding, and a change of unit never', async () => {
    const penalty = await report({});
    await report({ kind: 'UNIT_CHANGE', occurredOn: '2026-06-20', reportedOn: '2026-07-01', summary: '调任县发改局' });
    expect(await openOn('2026-05-09')).toEqual([]);
    expect(await openOn('2026-05-10')).toEqual(['R01']);
    const reviewed = await gqlOk<{ reviewMajorMatter: { finding: string; reviewedOn: string } }>(
      'mutation($i: ReviewMajorMatterInput!) { reviewMajorMatter(input: $i) { finding reviewedOn } }',
      {
        i: {
          matterId: penalty.data!.recordMajorMatter.id,
          finding: '经核实，处分期已满，不影响继续培养',
          on: '2026-06-01',
        },
      },
    );
    expect(reviewed.reviewMajorMatter).toEqual({
      finding: '经核实，处分期已满，不影响继续培养',
      reviewedOn: '2026-06-01',
    });
    expect(await openOn('2026-05-31')).toEqual(['R01']);
    expect(await openOn('2026-06-01')).toEqual([]);
    expect(await openOn('2026-11-21')).toEqual([]);
    // Written once.
    const again = await gql(
      'mutation($i: ReviewMajorMatterInput!) { reviewMajorMatter(input: $i) { id } }',
      { i: { matterId: penalty.data!.recordMajorMatter.id, finding: '改写', on: '2026-06-02' } },
      zh,
    );
    expect(again.errors?.[0]?.message).toBe(`重大事项报告 ${penalty.data!.recordMajorMatter.id} 已有核查意见`);
    const listed = await gqlOk<{ reserve: { majorMatters: { kind: string; finding: string | null }[] } }>(
      '{ reserve(id: "R01") { majorMatters { kind finding } } }',
    );
    expect(listed.reserve.majorMatters).toEqual([
      { kind: 'PENALTY', finding: '经核实，处分期已满，不影响继续培养' },
      { kind: 'UNIT_CHANGE', finding: null },
    ]);
  });
});
