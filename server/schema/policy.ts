// Policy as data: the numbers of domain.md with their defaults, overridable per unit kind from a
// date on, with a history that is never rewritten. Metrics read the version in force at asOf.

import { toDate, todayIso } from '../../domain/dates.ts';
import type { UnitKind } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import { formatMessage, listParam, type MessageKey, messageParam } from '../../domain/messages.ts';
import { DEFAULT_POLICY } from '../../domain/policy/defaults.ts';
import { POLICY_PRESETS, type PolicyPreset } from '../../domain/policy/presets.ts';
import { policyOverrideProblems } from '../../domain/policy/validate.ts';
import { appendAudit } from '../audit/log.ts';
import { scopeOf } from '../auth/capabilities.ts';
import { builder } from '../builder.ts';
import { recordChange } from '../db/changes.ts';
import { db } from '../db/client.ts';
import { requestLang } from '../lang.ts';
import { effectivePolicy } from '../policy/store.ts';
import { UnitKindEnum } from './enums.ts';

const PolicyInEffect = builder
  .objectRef<{ unitKind: UnitKind | null; asOf: string; versions: number[]; document: unknown }>('PolicyInEffect')
  .implement({
    authScopes: { signedIn: true },
    fields: (t) => ({
      unitKind: t.field({ type: UnitKindEnum, nullable: true, resolve: (p) => p.unitKind }),
      asOf: t.field({ type: 'Date', resolve: (p) => p.asOf }),
      versions: t.intList({
        description: 'Stored versions applied over the defaults, oldest first.',
        resolve: (p) => p.versions,
      }),
      document: t.field({ type: 'JSON', resolve: (p) => p.document }),
    }),
  });

builder.prismaObject('PolicyVersion', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeInt('id'),
    unitKind: t.expose('unitKind', { type: UnitKindEnum, nullable: true }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    overrides: t.field({ type: 'JSON', resolve: (v) => JSON.parse(v.overrides) }),
    note: t.exposeString('note', { nullable: true }),
    actor: t.exposeString('actor'),
    recordedAt: t.string({ resolve: (v) => v.recordedAt.toISOString() }),
  }),
});

const PolicyPresetRef = builder.objectRef<PolicyPreset>('PolicyPreset').implement({
  description: 'A rule set the policy documents give for a kind of pool, to record as a policy version.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.string({
      description: 'In the request’s language.',
      resolve: (p) => formatMessage(`preset.${p.key}` as MessageKey, {}, requestLang()),
    }),
    unitKinds: t.field({ type: [UnitKindEnum], resolve: (p) => p.unitKinds }),
    overrides: t.field({ type: 'JSON', resolve: (p) => p.overrides }),
    clauses: t.stringList({ description: 'The clauses its numbers come from, quoted.', resolve: (p) => p.clauses }),
  }),
});

builder.queryFields((t) => ({
  policyPresets: t.field({
    authScopes: { signedIn: true },
    type: [PolicyPresetRef],
    description: 'The rule sets of party-government, institution, enterprise and village pools.',
    resolve: () => POLICY_PRESETS,
  }),
  policy: t.field({
    authScopes: { signedIn: true },
    type: PolicyInEffect,
    description: 'The policy in force for a unit kind (omitted: the one for all kinds) at `asOf` (default today).',
    args: { unitKind: t.arg({ type: UnitKindEnum }), asOf: t.arg({ type: 'Date' }) },
    resolve: async (_root, args) => {
      const asOf = args.asOf ?? todayIso();
      const { policy, versions } = await effectivePolicy(db, args.unitKind ?? null, asOf);
      return { unitKind: args.unitKind ?? null, asOf, versions, document: policy };
    },
  }),
  defaultPolicy: t.field({
    authScopes: { signedIn: true },
    type: 'JSON',
    description: 'The defaults of domain.md.',
    resolve: () => DEFAULT_POLICY,
  }),
  policyVersions: t.prismaField({
    authScopes: { signedIn: true },
    type: ['PolicyVersion'],
    description: 'Every stored version, newest first.',
    resolve: (query) => db.policyVersion.findMany({ ...query, orderBy: [{ effectiveFrom: 'desc' }, { id: 'desc' }] }),
  }),
}));

const SetPolicyInput = builder.inputType('SetPolicyInput', {
  fields: (t) => ({
    unitKind: t.field({ type: UnitKindEnum, description: 'Omitted: for every unit kind.' }),
    effectiveFrom: t.field({ type: 'Date', required: true }),
    overrides: t.field({
      type: 'JSON',
      required: true,
      description: 'The settings that differ, e.g. {"reserveRatio": {"PRINCIPAL": 1.5}}.',
    }),
    note: t.string(),
  }),
});

builder.mutationFields((t) => ({
  setPolicy: t.prismaField({
    authScopes: scopeOf('SET_POLICY'),
    type: 'PolicyVersion',
    description: 'Records a new policy version from a date on; earlier versions stay in the history.',
    args: { input: t.arg({ type: SetPolicyInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const problems = policyOverrideProblems(input.overrides);
      if (problems.length) {
        throw refusal(
          'BAD_USER_INPUT',
          'policy.overrideRejected',
          {
            problems: listParam(
              problems.map((p) =>
                messageParam('policy.problem', { path: p.path, problem: messageParam(p.messageKey, p.params) }),
              ),
              'sentences',
            ),
          },
          { problems },
        );
      }
      const version = await db.$transaction(async (tx) => {
        const created = await tx.policyVersion.create({
          ...query,
          data: {
            unitKind: input.unitKind ?? null,
            effectiveFrom: toDate(input.effectiveFrom),
            overrides: JSON.stringify(input.overrides),
            note: input.note ?? null,
            actor: ctx.viewer.actor,
          },
        });
        await appendAudit(tx, {
          actor: ctx.viewer.actor,
          action: 'policy.set',
          entity: 'PolicyVersion',
          entityCode: String(created.id),
          detail: { before: null, after: input },
          requestId: ctx.requestId,
        });
        await recordChange(tx, { entity: 'Policy', keys: [String(created.id)] });
        return created;
      });
      return version;
    },
  }),
}));
