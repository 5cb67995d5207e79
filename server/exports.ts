// Downloads that are files, not GraphQL answers: the 后备干部名册 of a roster view
// (GET /export/roster.xlsx with the roster page's filters), streamed as it is written, and the
// 后备干部统计表 of a unit's subtree at a date (GET /export/statistics.xlsx?unit=&asOf=). Signed
// in (session cookie or API token), bounded to the account's subtree like every list; the roster,
// a list of people, is audited.
import { PassThrough, Readable } from 'node:stream';
import { DATE_MAX, DATE_MIN, isIsoDate, todayIso } from '../domain/dates.ts';
import { EDUCATIONS, GENDERS, POSITION_KINDS, RESERVE_STATUSES, TIERS } from '../domain/enums.ts';
import { DomainError } from '../domain/errors.ts';
import { enumLabel, type MessageKey, type MessageParams } from '../domain/messages.ts';
import { caughtUpAnalytics } from './analytics.ts';
import { appendAudit } from './audit/log.ts';
import { resolveViewer } from './auth/viewer.ts';
import { db } from './db/client.ts';
import { statisticsWorkbook } from './documents/statistics-sheet.ts';
import { unitPlaces, writeRoster } from './interchange/roster.ts';
import { requestLang } from './lang.ts';
import { readPoliciesAt } from './policy/store.ts';
import { metricInput } from './schema/metric-input.ts';
import { reserveWhere } from './schema/reserve.ts';
import { statisticsAnswer } from './schema/statistics.ts';

type Refuse = (status: number, code: string, key: MessageKey, params?: MessageParams) => Response;

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;
const intOrNull = (v: string | null) => (v !== null && /^\d{1,3}$/.test(v) ? Number(v) : null);

export async function rosterDownload(request: Request, url: URL, refuse: Refuse): Promise<Response> {
  const { viewer } = await resolveViewer(db, request);
  if (viewer.role === null) return refuse(401, 'UNAUTHENTICATED', 'auth.signInFirst');
  const q = url.searchParams;
  const statuses = (q.get('status') ?? '')
    .split(',')
    .filter((s) => (RESERVE_STATUSES as readonly string[]).includes(s));
  const unitCode = q.get('unit');
  let where: object;
  try {
    where = await reserveWhere(
      {
        unitCode: unitCode?.slice(0, 200) ?? null,
        search: q.get('q')?.slice(0, 100) || null,
        status: statuses,
        kind: oneOf(POSITION_KINDS, q.get('kind')),
        tier: oneOf(TIERS, q.get('tier')),
        gender: oneOf(GENDERS, q.get('gender')),
        educationAtLeast: oneOf(EDUCATIONS, q.get('edu')),
        ageMin: intOrNull(q.get('ageMin')),
        ageMax: intOrNull(q.get('ageMax')),
      },
      viewer,
    );
  } catch (e) {
    if (e instanceof DomainError) return refuse(404, 'NOT_FOUND', e.messageKey, e.params);
    throw e;
  }
  const unit = unitCode ? await db.unit.findUnique({ where: { code: unitCode } }) : null;
  const top = unit?.path ?? viewer.path;
  const scopeName =
    unit?.name ?? (viewer.unitCode ? (await db.unit.findUnique({ where: { code: viewer.unitCode } }))?.name : null);
  const lang = downloadLang(url);
  const zh = lang === 'zh-CN';
  const statusText = statuses.length
    ? statuses.map((s) => enumLabel('ReserveStatus', s, lang)).join(zh ? '、' : ', ')
    : zh
      ? '全部'
      : 'all';
  const title = [
    zh ? `${scopeName ?? '全部单位'}后备干部名册` : `Reserve roster: ${scopeName ?? 'all units'}`,
    zh
      ? `统计日期 ${todayIso()} · 状态：${statusText} · 导出：${viewer.actor} · ${new Date().toLocaleString('zh-CN', { hour12: false })}`
      : `As of ${todayIso()} · status: ${statusText} · exported by ${viewer.actor} · ${new Date().toISOString()}`,
  ];
  const places = await unitPlaces(db, top);
  const out = new PassThrough();
  void writeRoster(db, { where, title, places }, out)
    .then((n) =>
      db.$transaction((tx) =>
        appendAudit(tx, {
          actor: viewer.actor,
          action: 'roster.export',
          entity: 'Unit',
          entityCode: unit?.code ?? viewer.unitCode ?? null,
          detail: { filter: Object.fromEntries(q), entries: n },
          requestId: null,
        }),
      ),
    )
    .catch((e: unknown) => out.destroy(e as Error));
  const name = `${zh ? '后备干部名册' : 'roster'}-${unit?.code ?? 'all'}-${todayIso()}.xlsx`;
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    },
  });
}

/** The language a download asked for (a link cannot set Accept-Language), else the request's. */
function downloadLang(url: URL) {
  const asked = url.searchParams.get('lang');
  return asked === 'en' || asked === 'zh-CN' ? asked : requestLang();
}

export async function statisticsDownload(request: Request, url: URL, refuse: Refuse): Promise<Response> {
  const { viewer } = await resolveViewer(db, request);
  if (viewer.role === null) return refuse(401, 'UNAUTHENTICATED', 'auth.signInFirst');
  const unitCode = url.searchParams.get('unit')?.slice(0, 64) ?? '';
  const asOf = url.searchParams.get('asOf') ?? todayIso();
  if (!isIsoDate(asOf) || asOf < DATE_MIN || asOf > DATE_MAX)
    return refuse(400, 'BAD_USER_INPUT', 'input.badDate', {
      min: DATE_MIN,
      max: DATE_MAX,
      value: JSON.stringify(asOf.slice(0, 20)),
    });
  let answer: Awaited<ReturnType<typeof statisticsAnswer>>;
  try {
    const input = await metricInput(
      {
        viewer,
        analytics: caughtUpAnalytics,
        policiesAt: (on) => readPoliciesAt(db, on),
      },
      { unitCode, subtree: true, asOf },
    );
    answer = await statisticsAnswer(input, unitCode);
  } catch (e) {
    if (e instanceof DomainError) return refuse(404, 'NOT_FOUND', e.messageKey, e.params);
    throw e;
  }
  const lang = downloadLang(url);
  const bytes = await statisticsWorkbook(answer, { lang, actor: viewer.actor, madeAt: new Date() });
  const name = `${lang === 'zh-CN' ? '后备干部统计表' : 'statistics'}-${answer.unitCode}-${answer.asOf}.xlsx`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="statistics.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    },
  });
}
