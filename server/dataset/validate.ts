// Validation of a whole dataset before anything is written: field types, unknown fields,
// duplicate keys and dangling references, each reported with the record and the field.
import fs from 'node:fs';
import { DATE_MAX, DATE_MIN, isIsoDate, todayIso } from '../../domain/dates.ts';
import { OPEN_STATUSES } from '../../domain/enums.ts';
import { idNumberIssue } from '../../domain/identity.ts';
import {
  formatMessage,
  isStoredMessage,
  listParam,
  type MessageKey,
  type MessageParams,
  type MessageRef,
  messageParam,
} from '../../domain/messages.ts';
import { textIssue } from '../../domain/text.ts';
import { photoType } from '../interchange/lrmx.ts';
import {
  ARRAYS,
  type ArrayName,
  type Dataset,
  type DatasetRecord,
  emptyDataset,
  FIELDS,
  type FieldSpec,
  KEY_FIELD,
  PERSON_RECORD_ARRAYS,
  READ_VERSIONS,
} from './format.ts';
import { JsonShapeError, TopLevelScanner } from './scan.ts';

export interface DatasetIssue {
  /** `people[12] (id "E0013")`, or `dataset` for the document itself. */
  record: string;
  field?: string;
  /** What is wrong, in English. */
  message: string;
  /** The message's key and parameters, for the problems a field's value has (domain/messages.ts). */
  messageKey?: MessageKey;
  params?: MessageParams;
}

export class DatasetError extends Error {
  /** The message's key and parameters: the first issue (in any language when it has a key) and how many more. */
  readonly messageKey: MessageKey;
  readonly params: MessageParams;

  constructor(readonly issues: DatasetIssue[]) {
    const first = issues[0]!;
    const problem = first.messageKey ? messageParam(first.messageKey, first.params) : first.message;
    const issue = first.field
      ? messageParam('dataset.fieldIssue', { record: first.record, field: first.field, problem })
      : messageParam('dataset.issue', { record: first.record, problem });
    const more = issues.length - 1;
    const key: MessageKey =
      more === 0 ? 'dataset.rejected' : more === 1 ? 'dataset.rejectedOneMore' : 'dataset.rejectedMore';
    const params = more > 1 ? { issue, more } : { issue };
    super(formatMessage(key, params, 'en'));
    this.name = 'DatasetError';
    this.messageKey = key;
    this.params = params;
  }
}

/** Keys already in the database, for an import that adds to it (empty sets with --replace). */
export interface ExistingKeys {
  units: Set<string>;
  positions: Set<string>;
  people: Set<string>;
  reserves: Set<string>;
  /** Entry id → its person's id, for the entries in the database. */
  reservePeople: Map<string, string>;
  /** People who already have an open entry. */
  openPeople: Set<string>;
  /** `personId|year` of stored assessments. */
  assessments: Set<string>;
  /** Unit code → parent code, to check that new units do not close a cycle. */
  unitParents: Map<string, string | null>;
  /** Identity numbers already stored. */
  idNumbers: Set<string>;
}

export function noExistingKeys(): ExistingKeys {
  return {
    units: new Set(),
    positions: new Set(),
    people: new Set(),
    reserves: new Set(),
    reservePeople: new Map(),
    openPeople: new Set(),
    assessments: new Set(),
    unitParents: new Map(),
    idNumbers: new Set(),
  };
}

const MAX_ISSUES = 20;

class TooManyIssues extends Error {}

export class DatasetValidator {
  readonly data: Dataset = emptyDataset();
  private readonly issues: DatasetIssue[] = [];
  private readonly seenKeys: Record<string, Map<string, number>> = {};
  private readonly seenArrays = new Set<string>();
  private formatVersionSeen = false;

  constructor(private readonly existing: ExistingKeys) {}

  scalar(key: string, value: unknown): void {
    if (key === 'formatVersion') {
      if (this.formatVersionSeen) this.issue('dataset', 'formatVersion', messageParam('dataset.appearsTwice'));
      this.formatVersionSeen = true;
      if (!READ_VERSIONS.includes(value as number)) {
        this.issue(
          'dataset',
          'formatVersion',
          messageParam('dataset.formatVersion', {
            version: listParam(READ_VERSIONS, 'or'),
            value: JSON.stringify(value),
          }),
        );
      }
    } else if ((ARRAYS as readonly string[]).includes(key)) {
      this.issue('dataset', key, messageParam('dataset.notArray', { value: JSON.stringify(value) }));
    } else this.issue('dataset', key, messageParam('dataset.unknownField'));
  }

  arrayStart(key: string): void {
    if (!(ARRAYS as readonly string[]).includes(key)) this.issue('dataset', key, messageParam('dataset.unknownField'));
    else if (this.seenArrays.has(key)) this.issue('dataset', key, messageParam('dataset.appearsTwice'));
    this.seenArrays.add(key);
  }

  element(key: string, index: number, value: unknown): void {
    if (!(ARRAYS as readonly string[]).includes(key)) return;
    const array = key as ArrayName;
    const record = this.checkRecord(array, index, value);
    if (record) this.data[array].push(record);
  }

  /** Cross-record checks; throws DatasetError with every problem found (up to a limit). */
  finish(): Dataset {
    if (!this.formatVersionSeen) this.issue('dataset', 'formatVersion', messageParam('value.missing'));
    // A file may bring some of the arrays (an addition), but one with none of them is a mistake.
    if (this.seenArrays.size === 0)
      this.issue('dataset', undefined, messageParam('dataset.noArrays', { arrays: ARRAYS.join(', ') }));
    if (this.issues.length === 0) this.checkReferences();
    if (this.issues.length) throw new DatasetError(this.issues);
    return this.data;
  }

  private label(array: ArrayName, index: number, value: unknown): string {
    const keyField = KEY_FIELD[array];
    const key =
      keyField && value && typeof value === 'object' ? (value as Record<string, unknown>)[keyField] : undefined;
    return typeof key === 'string' ? `${array}[${index}] (${keyField} "${key}")` : `${array}[${index}]`;
  }

  private checkRecord(array: ArrayName, index: number, value: unknown): DatasetRecord | null {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.issue(`${array}[${index}]`, undefined, messageParam('dataset.notObject'));
      return null;
    }
    const input = value as Record<string, unknown>;
    const specs = FIELDS[array];
    const out: DatasetRecord = {};
    let ok = true;
    let present = 0;
    for (const spec of specs) {
      const v = input[spec.name];
      if (v !== undefined) present++;
      if (v === undefined || v === null) {
        if (!spec.nullable) {
          this.issue(
            this.label(array, index, value),
            spec.name,
            messageParam(v === null ? 'value.notNull' : 'value.missing'),
          );
          ok = false;
        }
        out[spec.name] = null;
        continue;
      }
      const problem = valueProblem(spec, v);
      if (problem) {
        this.issue(this.label(array, index, value), spec.name, problem);
        ok = false;
      } else out[spec.name] = v as string | number | boolean;
    }
    if (Object.keys(input).length > present) {
      for (const name of Object.keys(input)) {
        if (!specs.some((s) => s.name === name))
          this.issue(this.label(array, index, value), name, messageParam('dataset.unknownField'));
      }
      return null;
    }
    if (!ok) return null;
    const keyField = KEY_FIELD[array];
    if (keyField) {
      const key = out[keyField] as string;
      this.seenKeys[array] ??= new Map();
      const seen = this.seenKeys[array];
      const before = seen.get(key);
      if (before !== undefined) {
        this.issue(
          this.label(array, index, value),
          keyField,
          messageParam('dataset.duplicateInFile', { key, other: `${array}[${before}]` }),
        );
        return null;
      }
      if (this.existing[array as 'units'].has(key)) {
        this.issue(this.label(array, index, value), keyField, messageParam('dataset.duplicateInDatabase', { key }));
        return null;
      }
      seen.set(key, index);
    }
    return out;
  }

  private checkReferences(): void {
    const { data, existing } = this;
    const has = (array: 'units' | 'people' | 'reserves' | 'positions', key: string) =>
      this.seenKeys[array]?.has(key) === true || existing[array].has(key);
    const refKey = {
      units: 'dataset.missingUnit',
      people: 'dataset.missingPerson',
      reserves: 'dataset.missingEntry',
      positions: 'dataset.missingPosition',
    } as const;
    const ref = (array: ArrayName, refArray: 'units' | 'people' | 'reserves' | 'positions', field: string) => {
      data[array].forEach((r, i) => {
        const key = r[field];
        if (typeof key === 'string' && !has(refArray, key)) {
          this.issue(this.label(array, i, r), field, messageParam(refKey[refArray], { key }));
        }
      });
    };
    try {
      ref('units', 'units', 'parentCode');
      ref('positions', 'units', 'unitCode');
      ref('positions', 'people', 'incumbentId');
      ref('people', 'units', 'unitCode');
      ref('reserves', 'people', 'personId');
      ref('reserves', 'units', 'unitCode');
      ref('trainings', 'people', 'personId');
      ref('assessments', 'people', 'personId');
      ref('practices', 'people', 'personId');
      ref('practices', 'units', 'unitCode');
      ref('mentors', 'reserves', 'reserveId');
      ref('mentors', 'people', 'mentorPersonId');
      ref('talks', 'reserves', 'reserveId');
      ref('appointments', 'positions', 'positionCode');
      ref('appointments', 'people', 'personId');
      ref('appointments', 'reserves', 'reserveId');
      // A person's record travels with the person: the person is in the same file.
      for (const array of PERSON_RECORD_ARRAYS)
        data[array].forEach((r, i) => {
          const key = r.personId as string;
          if (this.seenKeys.people?.has(key) !== true)
            this.issue(this.label(array, i, r), 'personId', messageParam('dataset.personNotInFile', { key }));
        });
      if (this.issues.length) return;
      this.checkTree();
      this.checkOpenEntries();
      this.checkAssessmentYears();
      this.checkMentors();
      this.checkAppointments();
      this.checkPersonRecords();
    } catch (e) {
      if (!(e instanceof TooManyIssues)) throw e;
    }
  }

  /**
   * The person-record arrays: one profile and one identity a person, one line per person and
   * `seq`, months as YYYY-MM, identity numbers valid, agreeing with the birth date and unique, a
   * photo a JPEG or PNG of its declared type.
   */
  private checkPersonRecords(): void {
    const births = new Map(this.data.people.map((p) => [p.id as string, p.birthDate as string]));
    const once = (array: ArrayName, key: (r: DatasetRecord) => string) => {
      const seen = new Map<string, number>();
      this.data[array].forEach((r, i) => {
        const k = key(r);
        const before = seen.get(k);
        if (before !== undefined)
          this.issue(
            this.label(array, i, r),
            'personId',
            messageParam('dataset.duplicateInFile', { key: k, other: `${array}[${before}]` }),
          );
        seen.set(k, i);
      });
    };
    once('profiles', (r) => r.personId as string);
    once('identities', (r) => r.personId as string);
    for (const array of ['resumeLines', 'rewardsPenalties', 'familyMembers'] as const)
      once(array, (r) => `${r.personId}#${r.seq}`);
    const month = (array: ArrayName, field: string) =>
      this.data[array].forEach((r, i) => {
        const v = r[field];
        if (typeof v === 'string' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(v))
          this.issue(this.label(array, i, r), field, messageParam('dataset.month', { value: v }));
      });
    month('resumeLines', 'start');
    month('resumeLines', 'end');
    month('familyMembers', 'birthMonth');
    const numbers = new Map<string, number>();
    this.data.identities.forEach((r, i) => {
      const label = this.label('identities', i, r);
      if (typeof r.idNumber === 'string') {
        const issue = idNumberIssue(r.idNumber, births.get(r.personId as string));
        if (issue) this.issue(label, 'idNumber', issue);
        const before = numbers.get(r.idNumber);
        if (before !== undefined)
          this.issue(
            label,
            'idNumber',
            messageParam('dataset.duplicateInFile', { key: r.idNumber, other: `identities[${before}]` }),
          );
        else if (this.existing.idNumbers.has(r.idNumber))
          this.issue(label, 'idNumber', messageParam('dataset.duplicateInDatabase', { key: r.idNumber }));
        numbers.set(r.idNumber, i);
      }
      if ((r.photo === null) !== (r.photoType === null))
        this.issue(label, 'photoType', messageParam('dataset.photoAndType'));
      else if (typeof r.photo === 'string') {
        const bytes = Buffer.from(r.photo, 'base64');
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(r.photo) || photoType(bytes) !== r.photoType)
          this.issue(label, 'photo', messageParam('dataset.photo', { type: r.photoType as string }));
      }
    });
  }

  /** Every unit's parent chain must reach a root: no cycles. */
  private checkTree(): void {
    const parents = new Map(this.existing.unitParents);
    for (const u of this.data.units) parents.set(u.code as string, u.parentCode as string | null);
    const state = new Map<string, 'visiting' | 'done'>();
    this.data.units.forEach((u, i) => {
      const chain: string[] = [];
      let code: string | null = u.code as string;
      while (code !== null && state.get(code) !== 'done') {
        if (state.get(code) === 'visiting') {
          this.issue(
            this.label('units', i, u),
            'parentCode',
            messageParam('dataset.cycle', { chain: `${chain.join(' → ')} → ${code}` }),
          );
          break;
        }
        state.set(code, 'visiting');
        chain.push(code);
        code = parents.get(code) ?? null;
      }
      for (const c of chain) state.set(c, 'done');
    });
  }

  /** One person has at most one open entry (pre-pool or in the pool). */
  private checkOpenEntries(): void {
    const open = new Map<string, number>();
    this.data.reserves.forEach((r, i) => {
      if (!OPEN_STATUSES.includes(r.status as (typeof OPEN_STATUSES)[number])) return;
      const person = r.personId as string;
      const before = open.get(person);
      if (before !== undefined) {
        this.issue(
          this.label('reserves', i, r),
          'personId',
          messageParam('dataset.openEntryInFile', { person, other: `reserves[${before}]` }),
        );
      } else if (this.existing.openPeople.has(person)) {
        this.issue(this.label('reserves', i, r), 'personId', messageParam('dataset.openEntryInDatabase', { person }));
      }
      open.set(person, i);
    });
  }

  private checkAssessmentYears(): void {
    const seen = new Map<string, number>();
    this.data.assessments.forEach((a, i) => {
      const key = `${a.personId}|${a.year}`;
      const before = seen.get(key);
      if (before !== undefined) {
        this.issue(
          `assessments[${i}]`,
          'year',
          messageParam('dataset.assessmentInFile', {
            person: a.personId as string,
            year: a.year as number,
            other: `assessments[${before}]`,
          }),
        );
      } else if (this.existing.assessments.has(key)) {
        this.issue(
          `assessments[${i}]`,
          'year',
          messageParam('dataset.assessmentInDatabase', { person: a.personId as string, year: a.year as number }),
        );
      }
      seen.set(key, i);
    });
  }

  /** A mentorship ends on or after it starts, and nobody mentors themself (as the API holds). */
  private checkMentors(): void {
    const people = new Map(this.existing.reservePeople);
    for (const r of this.data.reserves) people.set(r.id as string, r.personId as string);
    this.data.mentors.forEach((m, i) => {
      if (m.until !== null && (m.until as string) < (m.since as string))
        this.issue(
          `mentors[${i}]`,
          'until',
          messageParam('dataset.untilBeforeSince', { until: m.until as string, since: m.since as string }),
        );
      if (m.mentorPersonId !== null && people.get(m.reserveId as string) === m.mentorPersonId)
        this.issue(
          `mentors[${i}]`,
          'mentorPersonId',
          messageParam('dataset.selfMentor', { person: m.mentorPersonId as string, entry: m.reserveId as string }),
        );
    });
  }

  /**
   * Appointments: an entry named is the appointee's own; `until` after `on`; a post's appointments
   * in the file do not overlap, and the latest one still running is its incumbent's.
   */
  private checkAppointments(): void {
    const people = new Map(this.existing.reservePeople);
    for (const r of this.data.reserves) people.set(r.id as string, r.personId as string);
    const incumbents = new Map(this.data.positions.map((p) => [p.code as string, p.incumbentId as string | null]));
    const byPost = new Map<string, number[]>();
    this.data.appointments.forEach((a, i) => {
      const label = `appointments[${i}]`;
      if (a.until !== null && a.on !== null && (a.until as string) <= (a.on as string))
        this.issue(
          label,
          'until',
          messageParam('dataset.untilBeforeSince', { until: a.until as string, since: a.on as string }),
        );
      if (a.reserveId !== null && people.get(a.reserveId as string) !== a.personId)
        this.issue(
          label,
          'reserveId',
          messageParam('dataset.appointmentEntry', { entry: a.reserveId as string, person: a.personId as string }),
        );
      byPost.set(a.positionCode as string, [...(byPost.get(a.positionCode as string) ?? []), i]);
    });
    for (const [post, indexes] of byPost) {
      const rows = indexes.map((i) => ({ i, a: this.data.appointments[i]! })).sort((x, y) => byFirstDay(x.a, y.a));
      rows.forEach(({ i, a }, k) => {
        const next = rows[k + 1];
        if (
          next &&
          (next.a.on === a.on ||
            next.a.on === null ||
            (a.until !== null && (a.until as string) > (next.a.on as string)))
        )
          this.issue(
            `appointments[${i}]`,
            'until',
            messageParam('dataset.appointmentsOverlap', { position: post, other: `appointments[${next.i}]` }),
          );
        if (!next && a.until !== null && incumbents.get(post))
          this.issue(
            `appointments[${i}]`,
            'until',
            messageParam('dataset.appointmentEndedHeld', { position: post, incumbent: incumbents.get(post)! }),
          );
        if (!next && a.until === null && incumbents.has(post) && incumbents.get(post) !== a.personId)
          this.issue(
            `appointments[${i}]`,
            'personId',
            messageParam('dataset.appointmentNotIncumbent', {
              position: post,
              person: a.personId as string,
              incumbent: incumbents.get(post) ?? '—',
            }),
          );
      });
    }
  }

  private issue(record: string, field: string | undefined, problem: MessageRef): void {
    const message = {
      message: formatMessage(problem.key, problem.params, 'en'),
      messageKey: problem.key,
      params: problem.params,
    };
    this.issues.push(field === undefined ? { record, ...message } : { record, field, ...message });
    if (this.issues.length >= MAX_ISSUES) throw new TooManyIssues();
  }

  /** Runs `feed`, turning the issue limit into a DatasetError. */
  run(feed: () => void): void {
    try {
      feed();
    } catch (e) {
      if (e instanceof TooManyIssues) throw new DatasetError(this.issues);
      throw e;
    }
  }
}

/**
 * A value against its field's type and bounds: null when it fits, else what is wrong (the
 * GraphQL inputs that write the same records check their fields with this too).
 */
export function valueProblem(spec: FieldSpec, v: unknown): MessageRef | null {
  const problem = typeProblem(spec.type, v);
  if (problem) return problem;
  if (typeof v === 'number') {
    if (spec.min !== undefined && v < spec.min) return messageParam('value.atLeast', { min: spec.min, value: v });
    if (spec.max !== undefined && v > spec.max) return messageParam('value.atMost', { max: spec.max, value: v });
  }
  if (typeof v === 'string' && spec.maxLength !== undefined && v.length > spec.maxLength)
    return messageParam('value.tooLong', { max: spec.maxLength, length: v.length });
  // A reason the program wrote (a stored message, domain/messages.ts) comes back as the export wrote it.
  if (spec.type.kind === 'string' && typeof v === 'string') return isStoredMessage(v) ? null : textIssue(v);
  if (spec.type.kind === 'date' && typeof v === 'string') {
    if (v < DATE_MIN || v > DATE_MAX)
      return messageParam('value.dateRange', { min: DATE_MIN, max: DATE_MAX, value: v });
    if (spec.notAfterToday && v > todayIso()) return messageParam('value.afterToday', { today: todayIso(), value: v });
  }
  return null;
}

/** `valueProblem` in English. */
export function checkValue(spec: FieldSpec, v: unknown): string | null {
  const problem = valueProblem(spec, v);
  return problem ? formatMessage(problem.key, problem.params, 'en') : null;
}

function typeProblem(type: FieldSpec['type'], v: unknown): MessageRef | null {
  const value = String(JSON.stringify(v));
  switch (type.kind) {
    case 'string':
      return typeof v === 'string' && v.length > 0 ? null : messageParam('value.notText', { value });
    case 'date':
      return typeof v === 'string' && isIsoDate(v) ? null : messageParam('value.notDate', { value });
    case 'int':
      return Number.isInteger(v) ? null : messageParam('value.notWhole', { value });
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : messageParam('value.notNumber', { value });
    case 'boolean':
      return typeof v === 'boolean' ? null : messageParam('value.notBoolean', { value });
    case 'enum':
      return typeof v === 'string' && type.values.includes(v)
        ? null
        : messageParam('value.notOneOf', { values: listParam(type.values), value });
  }
}

/** Reads and validates a dataset from a file or from JSON text, streaming. */
export async function readDataset(
  source: { file: string } | { text: string },
  existing: ExistingKeys,
): Promise<Dataset> {
  const validator = new DatasetValidator(existing);
  const scanner = new TopLevelScanner((ev) => {
    if (ev.type === 'scalar') validator.scalar(ev.key, ev.value);
    else if (ev.type === 'arrayStart') validator.arrayStart(ev.key);
    else if (ev.type === 'element') validator.element(ev.key, ev.index, ev.value);
  });
  try {
    if ('text' in source) {
      validator.run(() => scanner.push(Buffer.from(source.text, 'utf8')));
    } else {
      const stream = fs.createReadStream(source.file, { highWaterMark: 8 << 20 });
      for await (const chunk of stream) validator.run(() => scanner.push(chunk as Buffer));
    }
    validator.run(() => scanner.finish());
  } catch (e) {
    if (e instanceof JsonShapeError)
      throw new DatasetError([{ record: 'dataset', message: e.message, messageKey: e.messageKey, params: e.params }]);
    throw e;
  }
  let data: Dataset | undefined;
  validator.run(() => {
    data = validator.finish();
  });
  return data!;
}

/** Appointments in order of their first day, those held since before the records first. */
export function byFirstDay(x: DatasetRecord, y: DatasetRecord): number {
  const a = (x.on as string | null) ?? '';
  const b = (y.on as string | null) ?? '';
  return a < b ? -1 : a > b ? 1 : 0;
}
