// The pipeline (how entries flow through the pool) and the alert lists, from the DuckDB copy.

import { ALERT_KINDS, type Alert, type AlertReport, alerts } from '../../analytics/metrics/alerts.ts';
import { type Pipeline, pipeline } from '../../analytics/metrics/pipeline.ts';
import { builder } from '../builder.ts';
import { readable } from '../lang.ts';
import { entryByCode } from './drill.ts';
import { enumList, PositionKindEnum, ReserveStatusEnum, SourceEnum } from './enums.ts';
import { keptOn, metricArgs, metricInput, pageOffset, pageSize } from './metric-input.ts';
import { unitPathText } from './unit-path.ts';

const YearCount = builder.objectRef<{ year: number; count: number }>('YearCount').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({ year: t.exposeInt('year'), count: t.exposeInt('count') }),
});
const StatusCount = builder.objectRef<{ status: string; count: number }>('StatusCount').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    status: t.field({ type: ReserveStatusEnum, resolve: (r) => r.status as never }),
    count: t.exposeInt('count'),
  }),
});
const SourceCount = builder.objectRef<{ source: string; count: number }>('SourceCount').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    source: t.field({ type: SourceEnum, resolve: (r) => r.source as never }),
    count: t.exposeInt('count'),
  }),
});
const ExitCount = builder.objectRef<{ status: string; reason: string | null; count: number }>('ExitCount').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    status: t.field({ type: ReserveStatusEnum, resolve: (r) => r.status as never }),
    reason: t.string({ nullable: true, resolve: (r) => readable(r.reason) }),
    count: t.exposeInt('count'),
  }),
});

const PipelineRef = builder.objectRef<Pipeline>('Pipeline').implement({
  authScopes: { signedIn: true },
  description: 'Entries nominated by `asOf` in scope, and what became of them by then.',
  fields: (t) => ({
    statusCounts: t.field({ type: [StatusCount], description: 'Status at asOf.', resolve: (p) => p.statusCounts }),
    enteredPerYear: t.field({ type: [YearCount], resolve: (p) => p.enteredPerYear }),
    enteredBySource: t.field({ type: [SourceCount], resolve: (p) => p.enteredBySource }),
    nominated: t.exposeInt('nominated'),
    entered: t.exposeInt('entered'),
    conversion: t.exposeFloat('conversion', { description: 'Entered the pool / nominated.' }),
    promotionsPerYear: t.field({ type: [YearCount], resolve: (p) => p.promotionsPerYear }),
    exitsByReason: t.field({ type: [ExitCount], resolve: (p) => p.exitsByReason }),
    exits: t.exposeInt('exits', { description: 'Left the pool: promoted, removed or expired.' }),
    expired: t.exposeInt('expired'),
    idleRate: t.exposeFloat('idleRate', { description: '备而不用: expired unpromoted / exits.' }),
    meanMonthsToPromotion: t.exposeFloat('meanMonthsToPromotion', { nullable: true }),
  }),
});

const AlertKindEnum = builder.enumType('AlertKind', { values: ALERT_KINDS });

const AlertRef = builder.objectRef<Alert>('ReserveAlert').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    reserveCode: t.exposeString('reserveCode'),
    entry: t.prismaField({
      type: 'ReserveEntry',
      nullable: true,
      description: 'The entry (its person’s name and the rest), with the entry’s own access checks.',
      resolve: (query, a, _args, ctx) => entryByCode(ctx, query, a.reserveCode),
    }),
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    unitPath: t.string({
      description: 'The unit’s name with the units above it, from your own unit down (示范市·某县·教育局).',
      resolve: (r, _args, ctx) => unitPathText(ctx, r.unitCode),
    }),
    kind: t.expose('kind', { type: PositionKindEnum }),
    age: t.exposeInt('age'),
    periodEnds: t.field({ type: 'Date', resolve: (a) => a.periodEnds }),
    alerts: t.field({ type: [AlertKindEnum], resolve: (a) => a.alerts }),
    eliminationCandidate: t.exposeBoolean('eliminationCandidate'),
  }),
});

const AlertCount = builder.objectRef<{ kind: (typeof ALERT_KINDS)[number]; count: number }>('AlertCount').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({ kind: t.expose('kind', { type: AlertKindEnum }), count: t.exposeInt('count') }),
});

const AlertReportRef = builder.objectRef<AlertReport>('AlertReport').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'Entries with at least one of the asked-for alerts.' }),
    counts: t.field({ type: [AlertCount], resolve: (r) => r.counts }),
    items: t.field({ type: [AlertRef], resolve: (r) => r.items }),
  }),
});

builder.queryFields((t) => ({
  pipeline: t.field({
    authScopes: { signedIn: true },
    type: PipelineRef,
    args: metricArgs,
    resolve: async (_root, args, ctx) => pipeline(await metricInput(ctx, args)),
  }),
  reserveAlerts: t.field({
    authScopes: { signedIn: true },
    type: AlertReportRef,
    description:
      'Active entries flagged at asOf: period ending within the alert window, over age, elimination grounds, missing mentors or talks.',
    args: {
      ...metricArgs,
      kinds: t.arg({
        type: [AlertKindEnum],
        description: 'Only entries with one of these alerts.',
        validate: enumList(ALERT_KINDS),
      }),
      first: t.arg.int({ defaultValue: 100, validate: pageSize }),
      offset: t.arg.int({ defaultValue: 0, validate: pageOffset }),
    },
    resolve: async (_root, args, ctx) => {
      const input = await metricInput(ctx, args);
      return alerts(input, {
        only: args.kinds ?? null,
        limit: args.first ?? 100,
        offset: args.offset ?? 0,
        // Today's flags are kept per unit and patched after each change (analytics/kept.ts).
        keep: keptOn(input.asOf),
      });
    },
  }),
}));
