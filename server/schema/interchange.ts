// A cadre's full record through GraphQL — the 干部任免审批表's fields on Person (profile, résumé,
// rewards and penalties; identity and family for the roles that keep the pool, each read
// audited) — and the .lrmx files in and out (server/interchange/).
import { z } from 'zod';
import { toIso } from '../../domain/dates.ts';
import { appendAudit } from '../audit/log.ts';
import { scopeOf } from '../auth/capabilities.ts';
import { builder, WHOLE } from '../builder.ts';
import type { Context } from '../context.ts';
import { db } from '../db/client.ts';
import { MAX_LRMX_BYTES } from '../interchange/lrmx.ts';
import { exportLrmx, importLrmx, MAX_LRMX_FILES } from '../interchange/lrmx-import.ts';
import { editProfile } from '../interchange/profile-edit.ts';
import { importRoster, ROSTER_FIELDS, type RosterField } from '../interchange/roster-import.ts';
import { PersonRef } from './person.ts';

/** Personal data read: one audit record per person and request, naming what was read. */
async function auditRead(ctx: Context, personCode: string, what: 'identity' | 'family'): Promise<void> {
  await db.$transaction((tx) =>
    appendAudit(tx, {
      actor: ctx.viewer.actor,
      action: `person.read.${what}`,
      entity: 'Person',
      entityCode: personCode,
      detail: null,
      requestId: ctx.requestId,
    }),
  );
}

const Profile = builder.prismaObject('PersonProfile', {
  select: { personCode: true },
  // A person's record: where the person is visible.
  authScopes: async (r, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: await ctx.loaders.personUnitPaths.load(r.personCode) },
  description: 'What the 干部任免审批表 carries beyond the analytics, words as written.',
  fields: (t) => ({
    nativePlace: t.exposeString('nativePlace', { nullable: true, description: '籍贯' }),
    birthPlace: t.exposeString('birthPlace', { nullable: true, description: '出生地' }),
    partyJoined: t.exposeString('partyJoined', {
      nullable: true,
      description: '入党时间: YYYY-MM, or the text as written for other parties.',
    }),
    health: t.exposeString('health', { nullable: true, description: '健康状况' }),
    professionalTitle: t.exposeString('professionalTitle', { nullable: true, description: '专业技术职务' }),
    specialty: t.exposeString('specialty', { nullable: true, description: '熟悉专业有何专长' }),
    fullTimeEducation: t.exposeString('fullTimeEducation', { nullable: true, description: '全日制教育 学历' }),
    fullTimeDegree: t.exposeString('fullTimeDegree', { nullable: true, description: '全日制教育 学位' }),
    fullTimeSchool: t.exposeString('fullTimeSchool', { nullable: true, description: '全日制 毕业院校系及专业' }),
    fullTimeDegreeSchool: t.exposeString('fullTimeDegreeSchool', { nullable: true }),
    inServiceEducation: t.exposeString('inServiceEducation', { nullable: true, description: '在职教育 学历' }),
    inServiceDegree: t.exposeString('inServiceDegree', { nullable: true, description: '在职教育 学位' }),
    inServiceSchool: t.exposeString('inServiceSchool', { nullable: true, description: '在职 毕业院校系及专业' }),
    inServiceDegreeSchool: t.exposeString('inServiceDegreeSchool', { nullable: true }),
    currentPost: t.exposeString('currentPost', { nullable: true, description: '现任职务' }),
    currentPostSince: t.string({
      nullable: true,
      select: { currentPostSince: true },
      description: '任现职时间',
      resolve: (p) => (p.currentPostSince ? toIso(p.currentPostSince) : null),
    }),
    assessmentText: t.exposeString('assessmentText', { nullable: true, description: '年度考核结果 as written' }),
  }),
});

const ResumeLineRef = builder.prismaObject('ResumeLine', {
  select: { personCode: true },
  // A person's record: where the person is visible.
  authScopes: async (r, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: await ctx.loaders.personUnitPaths.load(r.personCode) },
  description: 'One line of the 简历: a period (YYYY-MM; an open one has no end), or a note without one.',
  fields: (t) => ({
    start: t.exposeString('start', { nullable: true }),
    end: t.exposeString('end', { nullable: true }),
    text: t.exposeString('text'),
  }),
});

const Identity = builder.prismaObject('PersonIdentity', {
  select: { personCode: true },
  // A person's record: where the person is visible, to the roles that keep the pool.
  authScopes: async (r, ctx) => ({
    $all: {
      ...scopeOf('READ_PERSONAL'),
      ...(ctx.viewer.path === '' ? {} : { units: await ctx.loaders.personUnitPaths.load(r.personCode) }),
    },
  }),
  description: 'Personal data: the identity number and the photo. Roles that keep the pool only; each read audited.',
  fields: (t) => ({
    idNumber: t.exposeString('idNumber', { nullable: true, description: '公民身份号码' }),
    photo: t.string({
      nullable: true,
      select: { photo: true, photoType: true },
      description: 'The photo as a data: URL (JPEG or PNG).',
      resolve: (i) =>
        i.photo && i.photoType ? `data:${i.photoType};base64,${Buffer.from(i.photo).toString('base64')}` : null,
    }),
  }),
});

const Family = builder.prismaObject('FamilyMember', {
  select: { personCode: true },
  // A person's record: where the person is visible, to the roles that keep the pool.
  authScopes: async (r, ctx) => ({
    $all: {
      ...scopeOf('READ_PERSONAL'),
      ...(ctx.viewer.path === '' ? {} : { units: await ctx.loaders.personUnitPaths.load(r.personCode) }),
    },
  }),
  description: '家庭成员及重要社会关系 (personal data).',
  fields: (t) => ({
    relation: t.exposeString('relation', { description: '称谓' }),
    name: t.exposeString('name'),
    birthMonth: t.exposeString('birthMonth', { nullable: true, description: 'YYYY-MM' }),
    politicalStatus: t.exposeString('politicalStatus', { nullable: true }),
    workplace: t.exposeString('workplace', { nullable: true, description: '工作单位及职务' }),
  }),
});

builder.prismaObjectFields(PersonRef, (t) => ({
  profile: t.relation('profile', { nullable: true, type: Profile }),
  resume: t.relation('resume', { type: ResumeLineRef, query: { orderBy: { seq: 'asc' } } }),
  rewardsAndPenalties: t.stringList({
    description: '奖惩情况, one entry a line, as written.',
    select: { rewards: { orderBy: { seq: 'asc' }, select: { text: true } } },
    resolve: (p) => p.rewards.map((r) => r.text),
  }),
  identity: t.field({
    type: Identity,
    nullable: true,
    authScopes: scopeOf('READ_PERSONAL'),
    description: 'The identity number and photo (roles that keep the pool; every read is audited).',
    select: (_args, _ctx, nested) => ({ identity: nested() }),
    resolve: async (p, _args, ctx) => {
      await auditRead(ctx, p.code, 'identity');
      return p.identity;
    },
  }),
  family: t.field({
    type: [Family],
    authScopes: scopeOf('READ_PERSONAL'),
    description: 'Family members and important relations (roles that keep the pool; every read is audited).',
    select: (_args, _ctx, nested) => ({ family: nested({ orderBy: { seq: 'asc' } }) }),
    resolve: async (p, _args, ctx) => {
      await auditRead(ctx, p.code, 'family');
      return p.family;
    },
  }),
}));

const LrmxFileInput = builder.inputType('LrmxFileInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    base64: t.string({
      required: true,
      description: 'The file’s bytes, base64.',
      validate: z
        .string()
        .max(Math.ceil((MAX_LRMX_BYTES * 4) / 3) + 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
  }),
});

const LrmxFileOut = builder.objectRef<{ fileName: string; bytes: Buffer }>('LrmxFile').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    base64: t.string({ resolve: (f) => f.bytes.toString('base64') }),
  }),
});

const LrmxOutcome = builder.objectRef<{ file: string; personId: string; name: string }>('LrmxOutcome').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    file: t.exposeString('file'),
    personId: t.exposeString('personId'),
    name: t.exposeString('name'),
  }),
});

const LrmxImport = builder
  .objectRef<{ created: LrmxOutcomeValue[]; updated: LrmxOutcomeValue[]; unchanged: LrmxOutcomeValue[] }>(
    'LrmxImportResult',
  )
  .implement({
    authScopes: { signedIn: true },
    fields: (t) => ({
      created: t.field({ type: [LrmxOutcome], resolve: (r) => r.created }),
      updated: t.field({ type: [LrmxOutcome], resolve: (r) => r.updated }),
      unchanged: t.field({ type: [LrmxOutcome], resolve: (r) => r.unchanged }),
    }),
  });
type LrmxOutcomeValue = { file: string; personId: string; name: string };

const RosterFieldEnum = builder.enumType('RosterField', {
  description: 'What a roster column holds (see ROSTER_FIELDS for the usual column names).',
  values: Object.keys(ROSTER_FIELDS) as RosterField[],
});

const RosterColumnMapping = builder.inputType('RosterColumnMapping', {
  fields: (t) => ({
    header: t.string({ required: true, validate: z.string().max(100) }),
    field: t.field({ type: RosterFieldEnum, description: 'Null: the column is not read.' }),
  }),
});

type RosterResult = Awaited<ReturnType<typeof importRoster>>;
const RosterColumn = builder.objectRef<RosterResult['header']['columns'][number]>('RosterColumn').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    column: t.exposeInt('column'),
    name: t.exposeString('name'),
    field: t.field({ type: RosterFieldEnum, nullable: true, resolve: (c) => c.field }),
  }),
});
const RosterImport = builder.objectRef<RosterResult>('RosterImportResult').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    headerRow: t.int({ resolve: (r) => r.header.row }),
    columns: t.field({ type: [RosterColumn], resolve: (r) => r.header.columns }),
    rows: t.exposeInt('rows'),
    peopleCreated: t.exposeInt('peopleCreated'),
    peopleUpdated: t.exposeInt('peopleUpdated'),
    entriesCreated: t.exposeInt('entriesCreated'),
    entriesUpdated: t.exposeInt('entriesUpdated'),
    unchanged: t.exposeInt('unchanged'),
  }),
});

const ProfileEditInput = builder.inputType('PersonProfileEdit', {
  description: 'The descriptive fields of a person’s form record; empty text clears a field, an absent one stays.',
  fields: (t) => ({
    nativePlace: t.string({ validate: z.string().max(200) }),
    birthPlace: t.string({ validate: z.string().max(200) }),
    health: t.string({ validate: z.string().max(200) }),
    professionalTitle: t.string({ validate: z.string().max(200) }),
    specialty: t.string({ validate: z.string().max(2000) }),
    fullTimeSchool: t.string({ validate: z.string().max(200) }),
    inServiceSchool: t.string({ validate: z.string().max(200) }),
    currentPost: t.string({ validate: z.string().max(200) }),
    currentPostSince: t.field({ type: 'Date' }),
    assessmentText: t.string({ validate: z.string().max(2000) }),
  }),
});

builder.mutationFields((t) => ({
  editPersonProfile: t.prismaField({
    type: 'PersonProfile',
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'Corrects the descriptive fields of a person’s form record (籍贯, 出生地, 专业技术职务, schools, 现任职务 …); the fields the rules read come with the 干部任免审批表. Audited with what it replaced.',
    args: {
      personId: t.arg.string({ required: true, validate: z.string().max(200) }),
      input: t.arg({ type: ProfileEditInput, required: true }),
    },
    resolve: async (query, _root, { personId, input }, ctx) => {
      const edit = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      const made = await editProfile(db, ctx.viewer, personId, edit, { requestId: ctx.requestId });
      return db.personProfile.findUniqueOrThrow({ ...query, where: { id: made.id } });
    },
  }),
  importRoster: t.field({
    type: RosterImport,
    authScopes: scopeOf('KEEP_RESERVES'),
    description:
      'Imports a 后备干部名册 spreadsheet (.xlsx, base64) into a unit’s subtree: columns by their usual Chinese names, or as `mapping` says; all rows or none. A refusal names the row and the column (`extensions.row`, `extensions.column`). With `dryRun`, says what would change and writes nothing.',
    args: {
      unitCode: t.arg.string({ required: true, validate: z.string().max(200) }),
      base64: t.arg.string({
        required: true,
        validate: z
          .string()
          .max(28_000_000)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/),
      }),
      mapping: t.arg({ type: [RosterColumnMapping], validate: z.array(z.any()).max(100) }),
      dryRun: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (_root, { unitCode, base64, mapping, dryRun }, ctx) =>
      importRoster(db, ctx.viewer, unitCode, Buffer.from(base64, 'base64'), {
        dryRun: dryRun ?? false,
        mapping: Object.fromEntries((mapping ?? []).map((m) => [m.header, m.field ?? null])),
        requestId: ctx.requestId,
      }),
  }),
  importLrmx: t.field({
    type: LrmxImport,
    authScopes: scopeOf('READ_PERSONAL'),
    description: `Imports 干部任免审批表 files (.lrmx, UTF-8 or GB2312/GBK) into a unit's subtree: each matched by identity number, else by name and birth month there (an ambiguous match is refused), updated or created; all files or none. A refusal names the file and the element (\`extensions.file\`, \`extensions.element\`). At most ${MAX_LRMX_FILES} files. With \`dryRun\`, says what would happen and writes nothing.`,
    args: {
      unitCode: t.arg.string({ required: true, validate: z.string().max(200) }),
      files: t.arg({ type: [LrmxFileInput], required: true, validate: z.array(z.any()).max(MAX_LRMX_FILES) }),
      dryRun: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (_root, { unitCode, files, dryRun }, ctx) =>
      importLrmx(
        db,
        ctx.viewer,
        unitCode,
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })),
        { requestId: ctx.requestId, dryRun: dryRun ?? false },
      ),
  }),
  exportLrmx: t.field({
    type: [LrmxFileOut],
    authScopes: scopeOf('READ_PERSONAL'),
    description:
      'The 干部任免审批表 file of each person (as the standard program writes it); each export is audited with its SHA-256.',
    args: { personIds: t.arg.stringList({ required: true, validate: z.array(z.string().max(200)).min(1).max(100) }) },
    resolve: async (_root, { personIds }, ctx) => {
      const out = [];
      for (const id of personIds) out.push(await exportLrmx(db, ctx.viewer, id, { requestId: ctx.requestId }));
      return out;
    },
  }),
}));
