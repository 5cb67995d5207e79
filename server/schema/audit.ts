// The audit log, for administrators of the whole tree: newest first, filtered.
import { z } from 'zod';
import { scopeOf } from '../auth/capabilities.ts';
import { builder } from '../builder.ts';
import { db } from '../db/client.ts';

builder.prismaObject('AuditLog', {
  name: 'AuditRecord',
  authScopes: scopeOf('READ_AUDIT'),
  fields: (t) => ({
    seq: t.exposeInt('seq', { nullable: true, description: 'Position in the hash chain (from 1, no gaps).' }),
    at: t.string({ resolve: (r) => r.at.toISOString() }),
    actor: t.exposeString('actor'),
    action: t.exposeString('action'),
    entity: t.exposeString('entity'),
    entityCode: t.exposeString('entityCode', { nullable: true }),
    detail: t.field({
      type: 'JSON',
      nullable: true,
      resolve: (r) => (r.detail === null ? null : JSON.parse(r.detail)),
    }),
    requestId: t.exposeString('requestId', { nullable: true }),
    hash: t.exposeString('hash', { nullable: true }),
  }),
});

const text = z.string().max(200);

builder.queryFields((t) => ({
  auditLog: t.prismaField({
    type: ['AuditLog'],
    description:
      'Audit records, newest first: who did what, when, before and after (administrators of the whole tree).',
    authScopes: scopeOf('READ_AUDIT'),
    args: {
      first: t.arg.int({ defaultValue: 50, validate: z.number().int().min(1).max(500) }),
      beforeSeq: t.arg.int({ description: 'Only records older than this one (paging).' }),
      action: t.arg.string({ validate: text }),
      actor: t.arg.string({ validate: text }),
      entity: t.arg.string({ validate: text }),
      entityCode: t.arg.string({ validate: text }),
      from: t.arg({ type: 'Date', description: 'Recorded on or after this day (UTC).' }),
      to: t.arg({ type: 'Date', description: 'Recorded on or before this day (UTC).' }),
    },
    resolve: (query, _root, args) =>
      db.auditLog.findMany({
        ...query,
        where: {
          seq: { not: null, ...(args.beforeSeq != null ? { lt: args.beforeSeq } : {}) },
          ...(args.action ? { action: args.action } : {}),
          ...(args.actor ? { actor: args.actor } : {}),
          ...(args.entity ? { entity: args.entity } : {}),
          ...(args.entityCode ? { entityCode: args.entityCode } : {}),
          at: {
            ...(args.from ? { gte: new Date(`${args.from}T00:00:00Z`) } : {}),
            ...(args.to ? { lt: new Date(new Date(`${args.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        },
        orderBy: { seq: 'desc' },
        take: args.first ?? 50,
      }),
  }),
}));
