// Nominating a person as a reserve, with the eligibility answer (server/reserves/nomination.ts):
// `eligibility` says which rules a nomination would fail, `nominateReserve` records it (or refuses
// with INELIGIBLE listing every failed rule, unless an exception is given), and an entry shows the
// exception it was nominated under.
import { z } from 'zod';
import { ELIGIBILITY_RULES, type FailedRule } from '../../domain/eligibility.ts';
import { formatMessage } from '../../domain/messages.ts';
import { scopeOf } from '../auth/capabilities.ts';
import { builder, WHOLE } from '../builder.ts';
import { db } from '../db/client.ts';
import { requestLang } from '../lang.ts';
import { checkEligibility, nominate, openEntryFailure } from '../reserves/nomination.ts';
import { DirectionEnum, PositionKindEnum, RankEnum, SourceEnum, TierEnum } from './enums.ts';

const EligibilityRuleEnum = builder.enumType('EligibilityRule', {
  values: [...ELIGIBILITY_RULES, 'ONE_OPEN_ENTRY'] as const,
  description:
    'AGE_LIMIT (the kind’s age limit), EDUCATION (the minimum education), FULL_TIME_BACHELOR (under the age, a full-time bachelor’s degree), YEARS_IN_LOWER_RANK (a principal reserve: the rank below held long enough), WORK_YEARS (years of work), ONE_OPEN_ENTRY (one open entry per person; no exception).',
});

const FailedRuleRef = builder.objectRef<FailedRule>('FailedRule').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    rule: t.field({ type: EligibilityRuleEnum, resolve: (f) => f.rule }),
    message: t.string({
      description: 'Why the rule fails, in the request’s language (Accept-Language; Chinese by default).',
      resolve: (f) => formatMessage(f.messageKey, f.params, requestLang()),
    }),
    messageKey: t.string({
      description: 'The message’s key in the server’s catalogue (domain/messages.ts), to word it in any language.',
      resolve: (f) => f.messageKey,
    }),
    params: t.field({ type: 'JSON', description: 'The message’s parameters.', resolve: (f) => f.params }),
  }),
});

builder.prismaObject('EligibilityException', {
  description: 'The eligibility rules waived when the entry was nominated, why, and who approved it.',
  select: { reserveCode: true },
  authScopes: async (e, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: [await ctx.loaders.entryUnitPath.load(e.reserveCode)] },
  fields: (t) => ({
    rules: t.field({
      type: [EligibilityRuleEnum],
      select: { rules: true },
      resolve: (e) => JSON.parse(e.rules) as (typeof ELIGIBILITY_RULES)[number][],
    }),
    reason: t.exposeString('reason'),
    approver: t.exposeString('approver'),
    recordedBy: t.exposeString('recordedBy'),
    recordedAt: t.string({ select: { recordedAt: true }, resolve: (e) => e.recordedAt.toISOString() }),
  }),
});

builder.prismaObjectFields('ReserveEntry', (t) => ({
  eligibilityException: t.relation('exception', {
    nullable: true,
    description: 'The exception the entry was nominated under; null when it met every rule.',
  }),
}));

const ExceptionInput = builder.inputType('EligibilityExceptionInput', {
  fields: (t) => ({
    reason: t.string({ required: true, validate: z.string().max(500) }),
    approver: t.string({ required: true, validate: z.string().max(100) }),
  }),
});

const NominationInput = builder.inputType('NominationInput', {
  fields: (t) => ({
    personId: t.string({ required: true, validate: z.string().max(64) }),
    unitCode: t.string({
      required: true,
      validate: z.string().max(64),
      description: 'The unit whose team the entry is for.',
    }),
    targetKind: t.field({ type: PositionKindEnum, required: true }),
    targetRank: t.field({ type: RankEnum, required: true }),
    tier: t.field({ type: TierEnum, required: true }),
    direction: t.field({ type: DirectionEnum, required: true }),
    source: t.field({ type: SourceEnum, required: true }),
    on: t.field({ type: 'Date', required: true }),
    exception: t.field({
      type: ExceptionInput,
      description: 'Needed when a rule fails: it waives exactly the failed rules.',
    }),
  }),
});

builder.queryFields((t) => ({
  eligibility: t.field({
    type: [FailedRuleRef],
    authScopes: scopeOf('KEEP_RESERVES'),
    description: 'The eligibility rules a nomination would fail (empty: eligible). Records nothing.',
    args: { input: t.arg({ type: NominationInput, required: true }) },
    // Every rule that would refuse the nomination, the one-open-entry rule too.
    resolve: async (_root, { input }, ctx) => {
      const { failed } = await checkEligibility(db, ctx.viewer, input);
      const open = await openEntryFailure(db, ctx.viewer, input.personId);
      return open ? [...failed, open.failed as (typeof failed)[number]] : failed;
    },
  }),
}));

builder.mutationFields((t) => ({
  nominateReserve: t.prismaField({
    type: 'ReserveEntry',
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'Nominates a person (NOMINATED). Refused with INELIGIBLE and `extensions.failed` listing every failed rule, unless `exception` gives a reason and an approver.',
    args: { input: t.arg({ type: NominationInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) => nominate(db, ctx.viewer, input, { requestId: ctx.requestId }),
  }),
}));
