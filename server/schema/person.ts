import { z } from 'zod';
import { addYears, ageAt, toDate, todayIso, toIso } from '../../domain/dates.ts';
import type { Education } from '../../domain/enums.ts';
import { EDUCATIONS } from '../../domain/enums.ts';
import { canSee, ownedByScope, unitFilter, type Viewer } from '../auth/viewer.ts';
import { builder, WHOLE } from '../builder.ts';
import { db } from '../db/client.ts';
import { countAtVersion } from '../db/counts.ts';
import { nameContains } from '../db/search.ts';
import { CategoryEnum, EducationEnum, GenderEnum, PoliticalStatusEnum, RankEnum, TitleEnum } from './enums.ts';
import { checkPage } from './paging.ts';
import { AssessmentRef } from './records.ts';
import { UnitRef } from './unit.ts';

export const PersonRef = builder.prismaNode('Person', {
  id: { field: 'code' },
  // Wherever a person is reached: visible when working, reserved or holding a post in the viewer's subtree.
  select: { code: true },
  authScopes: async (person, ctx) =>
    ctx.viewer.path === '' ? WHOLE : { units: await ctx.loaders.personUnitPaths.load(person.code) },
  // Absent or out of scope: node(id) answers null, as for any unknown id.
  nullable: true,
  findUnique: (code, ctx) => ({ code, ...ownedByScope(ctx.viewer) }),
  fields: (t) => ({
    code: t.exposeString('code', { description: "The person's id in the dataset." }),
    name: t.exposeString('name'),
    gender: t.expose('gender', { type: GenderEnum }),
    birthDate: t.expose('birthDate', { type: 'Date' }),
    age: t.int({
      description: 'Whole years at `asOf` (default today).',
      args: { asOf: t.arg({ type: 'Date' }) },
      select: { birthDate: true },
      resolve: (p, { asOf }) => ageAt(toIso(p.birthDate), asOf ?? todayIso()),
    }),
    ethnicity: t.exposeString('ethnicity'),
    politicalStatus: t.expose('politicalStatus', { type: PoliticalStatusEnum }),
    education: t.expose('education', { type: EducationEnum }),
    fullTimeEducation: t.expose('fullTimeEducation', { type: EducationEnum, nullable: true }),
    title: t.expose('title', { type: TitleEnum }),
    rank: t.expose('rank', { type: RankEnum }),
    rankSince: t.expose('rankSince', { type: 'Date', nullable: true }),
    workStart: t.expose('workStart', { type: 'Date' }),
    category: t.expose('category', { type: CategoryEnum }),
    unit: t.field({
      type: UnitRef,
      nullable: true,
      description: 'The unit the person works in; null when it is outside your scope.',
      select: (_args, _ctx, nestedSelection) => ({ unit: nestedSelection() }),
      // The nested selection includes the unit's path (the Unit type selects it for its own check).
      resolve: (p, _args, ctx) => {
        const unit = p.unit as typeof p.unit & { path: string };
        return canSee(ctx.viewer, unit.path) ? unit : null;
      },
    }),
    reserveEntries: t.relation('reserves', {
      description: 'The person’s entries reserved for units in your scope.',
      query: (_args, ctx) => ({ where: ownedByScope(ctx.viewer), orderBy: { id: 'asc' } }),
    }),
    trainings: t.relation('trainings', { query: { orderBy: [{ start: 'desc' }, { id: 'desc' }] } }),
    assessments: t.relation('assessments', { query: { orderBy: { year: 'desc' } } }),
    practices: t.relation('practices', { query: { orderBy: { start: 'desc' } } }),
    latestAssessment: t.field({
      type: AssessmentRef,
      nullable: true,
      select: (_args, _ctx, nestedSelection) => ({
        assessments: nestedSelection({ orderBy: { year: 'desc' }, take: 1 }),
      }),
      resolve: (p) => p.assessments[0] ?? null,
    }),
    positionsHeld: t.relation('positions', {
      description: 'The posts the person holds in units of your scope.',
      query: (_args, ctx) => ({ where: ownedByScope(ctx.viewer), orderBy: { id: 'asc' } }),
    }),
  }),
});

export const PersonFilter = builder.inputType('PersonFilter', {
  fields: (t) => ({
    unitCode: t.string({
      description: 'The unit the person works in (with `subtree`, or below it).',
      validate: z.string().max(64),
    }),
    subtree: t.boolean({ defaultValue: true }),
    gender: t.field({ type: GenderEnum }),
    ageMin: t.int({ validate: z.number().int().min(0).max(120) }),
    ageMax: t.int({ validate: z.number().int().min(0).max(120) }),
    asOf: t.field({ type: 'Date', description: 'The date ages are taken at; default today.' }),
    educationAtLeast: t.field({ type: EducationEnum }),
    search: t.string({ description: 'Part of the name, or the exact id.', validate: z.string().max(100) }),
  }),
});

export interface PersonFilterShape {
  unitCode?: string | null;
  subtree?: boolean | null;
  gender?: 'M' | 'F' | null;
  ageMin?: number | null;
  ageMax?: number | null;
  asOf?: string | null;
  educationAtLeast?: Education | null;
  search?: string | null;
}

/** Prisma where for people matching the person-level parts of a filter (no unit part). */
export async function personAttributes(f: PersonFilterShape) {
  const asOf = f.asOf ?? todayIso();
  const birth: { lte?: Date; gt?: Date } = {};
  // age ≥ min ⇔ born on or before asOf − min years; age ≤ max ⇔ born after asOf − (max + 1) years.
  if (f.ageMin != null) birth.lte = toDate(addYears(asOf, -f.ageMin));
  if (f.ageMax != null) birth.gt = toDate(addYears(asOf, -(f.ageMax + 1)));
  const conditions = [
    f.gender ? { gender: f.gender } : null,
    f.ageMin != null || f.ageMax != null ? { birthDate: birth } : null,
    f.educationAtLeast ? { education: { in: EDUCATIONS.slice(EDUCATIONS.indexOf(f.educationAtLeast)) } } : null,
    f.search ? { OR: [await nameContains(db, 'Person', f.search), { code: f.search }] } : null,
  ].filter((c) => c !== null);
  // No condition: no filter (an empty one still costs the entries a join with people).
  return conditions.length ? { AND: conditions } : null;
}

builder.queryFields((t) => ({
  people: t.prismaConnection({
    authScopes: { signedIn: true },
    type: 'Person',
    cursor: 'code',
    args: { filter: t.arg({ type: PersonFilter }) },
    totalCount: async (_parent, args, ctx) => {
      checkPage(args);
      const where = await personWhere(args.filter ?? {}, ctx.viewer);
      return countAtVersion(db, `person|${JSON.stringify(where)}`, () => db.person.count({ where }));
    },
    resolve: async (query, _root, args, ctx) => {
      checkPage(args);
      return db.person.findMany({
        ...query,
        where: await personWhere(args.filter ?? {}, ctx.viewer),
        orderBy: { id: 'asc' },
      });
    },
  }),
}));

async function personWhere(f: PersonFilterShape, viewer: Viewer) {
  return { AND: [await unitFilter(db, f.unitCode, f.subtree !== false, viewer), (await personAttributes(f)) ?? {}] };
}
