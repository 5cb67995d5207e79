// A person's record as the 干部任免审批表 shows it (LrmxRecord), read from the database and
// written back: the Person's own fields, its profile, résumé, rewards and penalties, family
// members and identity. Both the .lrmx import and export go through here, so a record exported
// and imported back compares equal and is not written.
import { toIso } from '../../domain/dates.ts';
import { wordsOfEducation } from '../../domain/form-words.ts';
import type { Db } from '../db/client.ts';
import type { LrmxRecord } from './lrmx.ts';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const month = (d: Date | null) => (d ? toIso(d).slice(0, 7) : null);

/** Whatever reads or writes person forms: the client or a transaction. */
type Reader = Pick<Db, 'person'>;

/** What a person's form is read from (formOf), for readers that want more of the person too. */
export const FORM_INCLUDE = {
  profile: true,
  identity: true,
  resume: { orderBy: { seq: 'asc' as const } },
  rewards: { orderBy: { seq: 'asc' as const } },
  family: { orderBy: { seq: 'asc' as const } },
} as const;

/** The forms of these people, by person code (people without a record get one from their fields). */
export async function readForms(db: Reader, codes: string[]): Promise<Map<string, LrmxRecord>> {
  const people = await db.person.findMany({ where: { code: { in: codes } }, include: FORM_INCLUDE });
  return new Map(people.map((p) => [p.code, formOf(p)]));
}

type Stored = Awaited<ReturnType<typeof loadOne>>;
const loadOne = (db: Reader, code: string) => db.person.findUniqueOrThrow({ where: { code }, include: FORM_INCLUDE });

export function formOf(p: NonNullable<Stored>): LrmxRecord {
  const pr = p.profile;
  // A person without a profile of their own: the form's words from the education enums.
  const fullTime = pr ? null : wordsOfEducation(p.fullTimeEducation);
  const highest = pr ? null : p.fullTimeEducation === p.education ? null : wordsOfEducation(p.education);
  return {
    name: p.name,
    gender: p.gender,
    birthMonth: month(p.birthDate),
    ethnicity: p.ethnicity,
    nativePlace: pr?.nativePlace ?? null,
    birthPlace: pr?.birthPlace ?? null,
    partyJoined: pr?.partyJoined ?? null,
    workStartMonth: month(p.workStart),
    health: pr?.health ?? null,
    professionalTitle: pr?.professionalTitle ?? null,
    specialty: pr?.specialty ?? null,
    fullTimeEducation: pr ? pr.fullTimeEducation : (fullTime?.education ?? null),
    fullTimeDegree: pr ? pr.fullTimeDegree : (fullTime?.degree ?? null),
    fullTimeSchool: pr?.fullTimeSchool ?? null,
    fullTimeDegreeSchool: pr?.fullTimeDegreeSchool ?? null,
    inServiceEducation: pr ? pr.inServiceEducation : (highest?.education ?? null),
    inServiceDegree: pr ? pr.inServiceDegree : (highest?.degree ?? null),
    inServiceSchool: pr?.inServiceSchool ?? null,
    inServiceDegreeSchool: pr?.inServiceDegreeSchool ?? null,
    currentPost: pr?.currentPost ?? null,
    resume: p.resume.map((l) => ({ start: l.start, end: l.end, text: l.text })),
    rewards: p.rewards.map((r) => r.text),
    assessmentText: pr?.assessmentText ?? null,
    family: p.family.map((f) => ({
      relation: f.relation,
      name: f.name,
      birthMonth: f.birthMonth,
      politicalStatus: f.politicalStatus,
      workplace: f.workplace,
    })),
    idNumber: p.identity?.idNumber ?? null,
    photo:
      p.identity?.photo && p.identity.photoType
        ? { bytes: Buffer.from(p.identity.photo), type: p.identity.photoType as 'image/jpeg' | 'image/png' }
        : null,
    kept: pr?.kept ? (JSON.parse(pr.kept) as Record<string, unknown>) : {},
  };
}

/** Two forms compare equal when every field does (the photo by its bytes). */
export function sameForm(a: LrmxRecord, b: LrmxRecord): boolean {
  const plain = (r: LrmxRecord) => JSON.stringify({ ...r, photo: r.photo ? r.photo.bytes.toString('base64') : null });
  return plain(a) === plain(b);
}

/** Writes the form's own records of a person (profile, résumé, rewards, family, identity). */
export async function writeFormRecords(tx: Tx, personCode: string, r: LrmxRecord): Promise<void> {
  const profile = {
    nativePlace: r.nativePlace,
    birthPlace: r.birthPlace,
    partyJoined: r.partyJoined,
    health: r.health,
    professionalTitle: r.professionalTitle,
    specialty: r.specialty,
    fullTimeEducation: r.fullTimeEducation,
    fullTimeDegree: r.fullTimeDegree,
    fullTimeSchool: r.fullTimeSchool,
    fullTimeDegreeSchool: r.fullTimeDegreeSchool,
    inServiceEducation: r.inServiceEducation,
    inServiceDegree: r.inServiceDegree,
    inServiceSchool: r.inServiceSchool,
    inServiceDegreeSchool: r.inServiceDegreeSchool,
    currentPost: r.currentPost,
    assessmentText: r.assessmentText,
    kept: Object.keys(r.kept).length ? JSON.stringify(r.kept) : null,
  };
  await tx.personProfile.upsert({ where: { personCode }, create: { personCode, ...profile }, update: profile });
  const identity = {
    idNumber: r.idNumber,
    photo: r.photo ? new Uint8Array(r.photo.bytes) : null,
    photoType: r.photo?.type ?? null,
  };
  await tx.personIdentity.upsert({ where: { personCode }, create: { personCode, ...identity }, update: identity });
  await tx.resumeLine.deleteMany({ where: { personCode } });
  await tx.resumeLine.createMany({ data: r.resume.map((l, seq) => ({ personCode, seq, ...l })) });
  await tx.rewardPenalty.deleteMany({ where: { personCode } });
  await tx.rewardPenalty.createMany({ data: r.rewards.map((text, seq) => ({ personCode, seq, text })) });
  await tx.familyMember.deleteMany({ where: { personCode } });
  await tx.familyMember.createMany({ data: r.family.map((f, seq) => ({ personCode, seq, ...f })) });
}

/** The profile's fields the dashboard edits: what the rules do not read (those come with the form). */
export const EDITABLE_PROFILE_FIELDS = [
  'nativePlace',
  'birthPlace',
  'health',
  'professionalTitle',
  'specialty',
  'fullTimeSchool',
  'inServiceSchool',
  'currentPost',
  'assessmentText',
] as const;
export type ProfileEdit = Partial<Record<(typeof EDITABLE_PROFILE_FIELDS)[number], string | null>> & {
  currentPostSince?: string | null;
};
