// The API answers its messages in the request's language: Chinese without an Accept-Language
// header (or with an empty or Chinese one), English when English is preferred; every refusal
// names its message key and parameters (extensions.messageKey, extensions.params) so a client
// may word it itself. The Chinese of the everyday refusals is Chinese through and through: no
// English word left in it, only the ids and dates it quotes.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMessage, type MessageKey, type MessageParams } from '../../domain/messages.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { handle } from '../../server/yoga.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { type GqlResult, gql, tokenFor } from '../helpers/graphql.ts';

type Refusal = { message: string; extensions?: Record<string, unknown> };

const NOMINATE = `mutation($input: NominationInput!) { nominateReserve(input: $input) { code } }`;
const MOVE = `mutation($input: TransitionReserveInput!) { transitionReserve(input: $input) { status } }`;
const ELIGIBILITY = `query($input: NominationInput!) { eligibility(input: $input) { rule message messageKey params } }`;

const nomination = (input: Record<string, unknown>) => ({
  input: { tier: 'LONG_TERM', direction: 'ECONOMY', source: 'ORG_NOMINATION', on: '2026-11-01', ...input },
});
// E09 is an active reserve already (R06); E12 fails two rules as a principal reserve for A1.
const secondEntry = nomination({ personId: 'E09', unitCode: 'B1', targetKind: 'DEPUTY', targetRank: 'SECTION_DEPUTY' });
const unknownUnit = nomination({ personId: 'E11', unitCode: 'ZZ', targetKind: 'DEPUTY', targetRank: 'SECTION_DEPUTY' });
const e12Principal = nomination({
  personId: 'E12',
  unitCode: 'A1',
  targetKind: 'PRINCIPAL',
  targetRank: 'SECTION_PRINCIPAL',
});

/** The API asked in a language (`accept-language`), as the whole tree's administrator. */
const inLang = (lang: string) => ({ headers: { 'accept-language': lang } });
const zh = inLang('zh-CN');

/** A request with no Accept-Language header at all, as a plain HTTP client sends it. */
async function withoutHeader(query: string, variables: Record<string, unknown>): Promise<GqlResult> {
  const response = await handle(
    new Request('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('ADMIN', null)}` },
      body: JSON.stringify({ query, variables }),
    }),
  );
  return (await response.json()) as GqlResult;
}

const refusalOf = (r: GqlResult): Refusal => {
  expect(r.errors?.length, JSON.stringify(r)).toBeGreaterThan(0);
  return r.errors![0]!;
};

/**
 * A Chinese message quotes ids ("E12", R06), dates and numbers, and nothing else in Latin
 * letters: with those taken out, no run of three letters is left.
 */
function expectChinese(message: string): void {
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  const rest = message
    .replace(/“[^”]*”/g, '')
    .replace(/\b[A-Z]{1,2}\d+\b/g, '')
    .replace(/\d{4}-\d{2}-\d{2}/g, '')
    .replace(/\d+(\.\d+)?%?/g, '');
  expect(rest, message).not.toMatch(/[A-Za-z]{3,}/);
}

/** The message the catalogue words for the refusal's own key and parameters. */
const worded = (refusal: Refusal, lang: 'zh-CN' | 'en') =>
  formatMessage(refusal.extensions?.messageKey as MessageKey, refusal.extensions?.params as MessageParams, lang);

describe('messages in the request’s language', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('answers in Chinese without an Accept-Language header, or with an empty or Chinese one', async () => {
    const expected = '人员“E09”已有一条进行中的后备干部记录：R06（在库）';
    expect(refusalOf(await withoutHeader(NOMINATE, secondEntry)).message).toBe(expected);
    expect(refusalOf(await gql(NOMINATE, secondEntry, inLang(''))).message).toBe(expected);
    expect(refusalOf(await gql(NOMINATE, secondEntry, zh)).message).toBe(expected);
    expect(refusalOf(await gql(NOMINATE, secondEntry, inLang('zh-CN,zh;q=0.9,en;q=0.8'))).message).toBe(expected);
  });

  it('answers in English when English is preferred, enum values by their labels', async () => {
    for (const lang of ['en', 'en-US,en;q=0.9,zh-CN;q=0.8'])
      expect(refusalOf(await gql(NOMINATE, secondEntry, inLang(lang))).message).toBe(
        'person "E09" already has an open entry, R06 (Active)',
      );
  });

  it('names the message key and its parameters, the same in either language', async () => {
    const [inZh, inEn] = [refusalOf(await gql(NOMINATE, secondEntry, zh)), refusalOf(await gql(NOMINATE, secondEntry))];
    expect(inZh.extensions).toMatchObject({
      code: 'INELIGIBLE',
      messageKey: 'reserve.openEntryExists',
      params: { person: 'E09', entry: 'R06', status: 'ReserveStatus.ACTIVE' },
    });
    expect(inEn.extensions?.messageKey).toBe(inZh.extensions?.messageKey);
    expect(inEn.extensions?.params).toEqual(inZh.extensions?.params);
    // A client words the same message from them.
    expect(worded(inZh, 'zh-CN')).toBe(inZh.message);
    expect(worded(inZh, 'en')).toBe(inEn.message);
    // The failed rule it lists is worded in the request's language too, and keyed.
    expect(inZh.extensions?.failed).toEqual([
      {
        rule: 'ONE_OPEN_ENTRY',
        message: '已有一条进行中的后备干部记录：R06（在库）',
        messageKey: 'nomination.openEntry',
        params: { entry: 'R06', status: 'ReserveStatus.ACTIVE' },
      },
    ]);
  });

  it('refuses a second open entry, an unknown unit and an illegal step in Chinese through and through', async () => {
    const second = refusalOf(await gql(NOMINATE, secondEntry, zh));
    expect(second.extensions?.code).toBe('INELIGIBLE');
    expectChinese(second.message);

    const unit = refusalOf(await gql(NOMINATE, unknownUnit, zh));
    expect(unit).toMatchObject({
      message: '单位“ZZ”不存在，或不在您的管辖范围内',
      extensions: { code: 'NOT_FOUND', messageKey: 'auth.unitNotFound', params: { unit: 'ZZ' } },
    });
    expectChinese(unit.message);

    // R02 is NOMINATED: it cannot go to the pool directly.
    const illegal = refusalOf(await gql(MOVE, { input: { reserveId: 'R02', to: 'ACTIVE', on: '2026-09-10' } }, zh));
    expect(illegal).toMatchObject({
      message: '后备干部记录“R02”当前状态为已提名，可转为考察中、未通过，不能转为在库',
      extensions: { code: 'ILLEGAL_TRANSITION', messageKey: 'lifecycle.notAllowed', from: 'NOMINATED', to: 'ACTIVE' },
    });
    expectChinese(illegal.message);

    // Inspected, it cannot go to the public notice without a concluded inspection.
    expect(
      (await gql(MOVE, { input: { reserveId: 'R02', to: 'INSPECTING', on: '2026-09-10' } })).errors,
    ).toBeUndefined();
    const gate = refusalOf(await gql(MOVE, { input: { reserveId: 'R02', to: 'PUBLICIZING', on: '2026-10-01' } }, zh));
    expect(gate).toMatchObject({
      message: '后备干部记录“R02”：公示前须完成考察并登记考察结论',
      extensions: { code: 'ILLEGAL_TRANSITION', gate: 'INSPECTION_MISSING', messageKey: 'gate.inspectionMissing' },
    });
    expectChinese(gate.message);
    const inEn = refusalOf(await gql(MOVE, { input: { reserveId: 'R02', to: 'PUBLICIZING', on: '2026-10-01' } }));
    expect(inEn.message).toBe(
      'reserve entry "R02": it needs a concluded inspection (recordInspection) before the public notice',
    );
  });

  it('words every failed eligibility rule in the request’s language, with its key and parameters', async () => {
    const refused = refusalOf(await gql(NOMINATE, e12Principal, zh));
    expect(refused.extensions?.messageKey).toBe('nomination.ineligible');
    expect(refused.message).toBe(
      '人员“E12”不符合提名条件：全日制本科条件不符：年龄 30 岁（35 周岁以下），不具有全日制本科及以上学历（无全日制学历）；' +
        '任职年限条件不符：现任一般干部；正科级正职后备干部须任正科级或副科级满 2 年',
    );
    expectChinese(refused.message);
    const failed = refused.extensions?.failed as { rule: string; message: string; messageKey: string }[];
    expect(failed.map((f) => [f.rule, f.messageKey])).toEqual([
      ['FULL_TIME_BACHELOR', 'eligibility.fullTimeBachelorNone'],
      ['YEARS_IN_LOWER_RANK', 'eligibility.rankHeld'],
    ]);
    for (const f of failed) expectChinese(f.message);

    const query = async (as: { headers: Record<string, string> }) =>
      (
        await gql<{ eligibility: { rule: string; message: string; messageKey: string; params: MessageParams }[] }>(
          ELIGIBILITY,
          e12Principal,
          as,
        )
      ).data!.eligibility;
    const [inZh, inEn] = [await query(zh), await query(inLang('en'))];
    expect(inZh.map((f) => f.message)).toEqual(failed.map((f) => f.message));
    expect(inEn[1]).toEqual({
      rule: 'YEARS_IN_LOWER_RANK',
      message:
        'holds Staff; a principal reserve for Section principal needs Section principal or Section deputy held 2 years',
      messageKey: 'eligibility.rankHeld',
      params: { rank: 'Rank.STAFF', target: 'Rank.SECTION_PRINCIPAL', below: 'Rank.SECTION_DEPUTY', years: 2 },
    });
    expect(inZh[1]!.params).toEqual(inEn[1]!.params);
  });
});
