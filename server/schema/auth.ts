// Signing in and out, the signed-in account, and the administration of accounts and API tokens.
import { z } from 'zod';
import { ROLES } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import {
  AUTH,
  changeOwnPassword,
  createApiToken,
  createUser,
  login,
  logout,
  managedAccount,
  resetPassword,
  revokeApiToken,
  setAccountDisabled,
  USERNAME,
} from '../auth/accounts.ts';
import { CAPABILITY_NAMES, capabilitiesOf, scopeOf } from '../auth/capabilities.ts';
import { canSee, SESSION_COOKIE, scopeRootOf } from '../auth/viewer.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { db } from '../db/client.ts';

export const RoleEnum = builder.enumType('Role', {
  values: ROLES,
  description: 'LEADER reads; ORG_OFFICER reads and keeps entries; PLANNER reads and plans; ADMIN all, accounts too.',
});

const CapabilityEnum = builder.enumType('Capability', {
  values: CAPABILITY_NAMES,
  description:
    'KEEP_RESERVES: move entries along their lifecycle; SAVE_SCENARIOS: save planning scenarios; IMPORT_DATASET; SET_POLICY; MANAGE_ACCOUNTS: accounts and tokens; READ_AUDIT: the audit log.',
});

interface ViewerShape {
  username: string;
  role: (typeof ROLES)[number];
  unitCode: string | null;
}

const ViewerRef = builder.objectRef<ViewerShape>('Viewer').implement({
  description: 'A signed-in account: its role and the unit whose subtree bounds what it sees.',
  authScopes: { public: true },
  fields: (t) => ({
    username: t.exposeString('username'),
    role: t.expose('role', { type: RoleEnum }),
    unitCode: t.exposeString('unitCode', { nullable: true, description: 'Null: the whole tree.' }),
    scopeRoot: t.string({
      nullable: true,
      description:
        'The unit at the top of what this account sees: its own unit, or the first root of the tree (null: no units yet).',
      resolve: (v) => scopeRootOf(db, v.unitCode),
    }),
    capabilities: t.field({
      type: [CapabilityEnum],
      description: 'What this account may do beyond reading its subtree (the dashboard offers only these).',
      resolve: (v) => capabilitiesOf(v.role, v.unitCode),
    }),
  }),
});

const secure = () => process.env.COOKIE_SECURE === '1' || process.env.NODE_ENV === 'production';

function sessionCookie(value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}${secure() ? '; Secure' : ''}`;
}

async function me(ctx: Context): Promise<ViewerShape | null> {
  if (ctx.viewer.userId === null) return null;
  const user = await db.user.findUnique({ where: { id: ctx.viewer.userId } });
  return user ? { username: user.username, role: user.role, unitCode: user.unitCode } : null;
}

builder.queryFields((t) => ({
  me: t.field({
    type: ViewerRef,
    nullable: true,
    description: 'The signed-in account; null when nobody is signed in.',
    authScopes: { public: true },
    resolve: (_root, _args, ctx) => me(ctx),
  }),
}));

const ApiTokenRef = builder.objectRef<{ token: string; expiresAt: Date }>('NewApiToken').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Shown once: keep it; only its hash is stored.' }),
    expiresAt: t.string({ resolve: (r) => r.expiresAt.toISOString() }),
  }),
});

builder.prismaObject('User', {
  name: 'Account',
  authScopes: scopeOf('MANAGE_ACCOUNTS'),
  fields: (t) => ({
    username: t.exposeString('username'),
    role: t.expose('role', { type: RoleEnum }),
    unitCode: t.exposeString('unitCode', { nullable: true }),
    createdAt: t.string({ resolve: (u) => u.createdAt.toISOString() }),
    createdBy: t.exposeString('createdBy'),
    disabled: t.boolean({ resolve: (u) => u.disabledAt !== null }),
  }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string({
      required: true,
      validate: z.string().regex(USERNAME, 'has 2 to 64 letters, digits, or . _ @ -'),
    }),
    password: t.string({ required: true, validate: z.string().min(10).max(200) }),
    role: t.field({ type: RoleEnum, required: true }),
    unitCode: t.string({ description: 'Omitted: the whole tree (only for an administrator of the whole tree).' }),
  }),
});

const password = z.string().min(10).max(200);

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({ required: true, validate: z.string().max(200) }),
    newPassword: t.string({ required: true, validate: password }),
  }),
});

const ResetPasswordInput = builder.inputType('ResetPasswordInput', {
  fields: (t) => ({
    username: t.string({ required: true, validate: z.string().max(64) }),
    newPassword: t.string({ required: true, validate: password }),
  }),
});

const DisableUserInput = builder.inputType('DisableUserInput', {
  fields: (t) => ({
    username: t.string({ required: true, validate: z.string().max(64) }),
    reason: t.string({ required: true, validate: z.string().trim().min(1).max(500) }),
  }),
});

const EnableUserInput = builder.inputType('EnableUserInput', {
  fields: (t) => ({ username: t.string({ required: true, validate: z.string().max(64) }) }),
});

builder.queryFields((t) => ({
  accounts: t.prismaField({
    type: ['User'],
    description: 'The accounts bounded to your subtree (administrators).',
    authScopes: scopeOf('MANAGE_ACCOUNTS'),
    resolve: async (query, _root, _args, ctx) => {
      const users = await db.user.findMany({ ...query, orderBy: { id: 'asc' } });
      const paths = new Map(
        (
          await db.unit.findMany({ where: { code: { in: users.flatMap((u) => (u.unitCode ? [u.unitCode] : [])) } } })
        ).map((u) => [u.code, u.path]),
      );
      return users.filter((u) =>
        u.unitCode === null ? ctx.viewer.path === '' : canSee(ctx.viewer, paths.get(u.unitCode) ?? '\u0000'),
      );
    },
  }),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: ViewerRef,
    description: 'Signs in: sets an HTTP-only session cookie. Throttled after repeated failures (RATE_LIMITED).',
    authScopes: { public: true },
    args: {
      username: t.arg.string({ required: true, validate: z.string().max(64) }),
      password: t.arg.string({ required: true, validate: z.string().max(200) }),
    },
    resolve: async (_root, args, ctx) => {
      const { account, secret } = await login(db, args, { address: ctx.address, requestId: ctx.requestId });
      ctx.setCookie(sessionCookie(secret, Math.floor(AUTH.sessionMaxMs / 1000)));
      return { username: account.username, role: account.role, unitCode: account.unitCode };
    },
  }),
  logout: t.boolean({
    description: 'Ends this browser session (an API token stays valid: revoke it instead).',
    authScopes: { public: true },
    resolve: async (_root, _args, ctx) => {
      if (ctx.session) await logout(db, ctx.session, ctx.viewer.actor, ctx.requestId);
      ctx.setCookie(sessionCookie('', 0));
      return ctx.session !== null;
    },
  }),
  createUser: t.prismaField({
    type: 'User',
    description: 'Creates an account bounded to a unit of your subtree (administrators).',
    authScopes: scopeOf('MANAGE_ACCOUNTS'),
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const unitCode = input.unitCode ?? null;
      if (unitCode === null && ctx.viewer.path !== '') throw refusal('FORBIDDEN', 'account.wholeTreeOnly');
      if (unitCode !== null) {
        const unit = await db.unit.findUnique({ where: { code: unitCode } });
        if (!unit || !canSee(ctx.viewer, unit.path))
          throw refusal('NOT_FOUND', 'auth.unitNotFound', { unit: unitCode });
      }
      const user = await createUser(db, { ...input, unitCode }, ctx.viewer.actor);
      return db.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
  createApiToken: t.field({
    type: ApiTokenRef,
    description: 'A token for your own scripts (Authorization: Bearer …), valid for `days` (default 90).',
    authScopes: { signedIn: true },
    args: {
      name: t.arg.string({ validate: z.string().max(100) }),
      days: t.arg.int({ validate: z.number().int().min(1).max(366) }),
    },
    resolve: async (_root, args, ctx) => {
      const user = await db.user.findUniqueOrThrow({ where: { id: ctx.viewer.userId! } });
      return createApiToken(db, user.username, {
        name: args.name ?? null,
        days: args.days ?? undefined,
        actor: ctx.viewer.actor,
      });
    },
  }),
  changePassword: t.boolean({
    description:
      'Changes your own password, given the current one. Your other browser sessions end; your API tokens stay.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await changeOwnPassword(db, ctx.viewer.userId!, input, { session: ctx.session, requestId: ctx.requestId });
      return true;
    },
  }),
  resetPassword: t.boolean({
    description:
      'Sets the password of an account you administer (of a unit in your subtree); its sessions and API tokens end.',
    authScopes: scopeOf('MANAGE_ACCOUNTS'),
    args: { input: t.arg({ type: ResetPasswordInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const user = await managedAccount(db, ctx.viewer, input.username);
      await resetPassword(db, user, input.newPassword, ctx.viewer.actor, ctx.requestId);
      return true;
    },
  }),
  disableUser: t.prismaField({
    type: 'User',
    description:
      'Disables an account you administer: it can no longer sign in, and its sessions and API tokens end at once.',
    authScopes: scopeOf('MANAGE_ACCOUNTS'),
    args: { input: t.arg({ type: DisableUserInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const user = await managedAccount(db, ctx.viewer, input.username);
      if (user.id === ctx.viewer.userId)
        throw refusal('BAD_USER_INPUT', 'account.cannotDisableSelf', {}, { field: 'username' });
      await setAccountDisabled(db, user, { reason: input.reason }, ctx.viewer.actor, ctx.requestId);
      return db.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
  enableUser: t.prismaField({
    type: 'User',
    description:
      'Enables a disabled account you administer (it signs in again with its password; old tokens stay ended).',
    authScopes: scopeOf('MANAGE_ACCOUNTS'),
    args: { input: t.arg({ type: EnableUserInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const user = await managedAccount(db, ctx.viewer, input.username);
      await setAccountDisabled(db, user, null, ctx.viewer.actor, ctx.requestId);
      return db.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
  revokeApiToken: t.boolean({
    description: 'Revokes one of your API tokens (administrators: any token of an account they administer).',
    authScopes: { signedIn: true },
    args: { id: t.arg.int({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const token = await db.apiToken.findUnique({ where: { id }, include: { user: true } });
      const own = token?.userId === ctx.viewer.userId;
      if (!token || (!own && !(ctx.viewer.role === 'ADMIN' && ctx.viewer.path === '')))
        throw refusal('NOT_FOUND', 'account.tokenNotFound', { token: id });
      return revokeApiToken(db, id, ctx.viewer.actor);
    },
  }),
}));
