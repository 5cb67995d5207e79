// What the procedure's screens share: the entry as the Procedure query reads it, the policy's
// procedure settings read from its JSON document, checked enum choices, labels for the policy's
// own keys (voter groups, rounds, parts: configurable, so an unknown key is shown as it is).
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import type { ResultOf } from '../../api/graphql.ts';
import type { introspection_types } from '../../api/graphql-env.d.ts';
import type { PROCEDURE } from '../../api/procedure.ts';

export type Entry = NonNullable<ResultOf<typeof PROCEDURE>['reserve']>;

type EnumValues<N extends keyof introspection_types> = introspection_types[N] extends { enumValues: infer V }
  ? V
  : never;
/** Every value of the schema's enum N, each once (a missing or unknown value fails `tsc -p web`). */
const all =
  <N extends keyof introspection_types>() =>
  <const L extends readonly EnumValues<N>[]>(list: L & ([EnumValues<N>] extends [L[number]] ? unknown : never)) =>
    list;

export const VERDICTS = all<'InspectionVerdict'>()(['FIT', 'UNFIT']);
export const FINDINGS = all<'ObjectionFinding'>()(['DISMISSED', 'UPHELD']);
export const ACTIONS = all<'ObjectionAction'>()(['SEND_BACK', 'REJECT']);
export const DECISIONS = all<'EliminationDecisionKind'>()(['KEEP', 'REMOVE']);

/** A key of the policy (voter group, round, part) or a closing of a notice: its label, or the key itself. */
export const keyLabel = (t: TFunction, kind: 'group' | 'round' | 'part' | 'closedAs', key: string) =>
  key === '' ? '' : t(`procedure.${kind}.${key}`, { defaultValue: key });

export const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
export const today = () => dayjs().startOf('day');
export const dash = (v: string | number | null | undefined) => (v == null || v === '' ? '—' : String(v));
export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
export const num = (x: number | null | undefined) => (x == null ? '—' : x.toFixed(2));

/** Dates a procedure record may carry: from the nomination to today (the server refuses others). */
export const outsideProcedure = (nominatedOn: string) => (d: Dayjs) =>
  d.isAfter(today(), 'day') || d.isBefore(dayjs(nominatedOn), 'day');

export interface SelectionRound {
  key: string;
  weight: number;
  passMark: number;
  parts: { key: string; weight: number }[];
}
export interface ProcedurePolicy {
  groups: string[];
  quorum: number;
  passShare: number;
  rounds: SelectionRound[];
  publicityDays: number;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const n = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The procedure's settings from a policy document (the server validated it; this only reads it). */
export function procedurePolicy(document: unknown): ProcedurePolicy {
  const doc = obj(document);
  const rec = obj(doc.recommendation);
  return {
    groups: arr(rec.groups).filter((g): g is string => typeof g === 'string'),
    quorum: n(rec.quorum, 0),
    passShare: n(rec.passShare, 0),
    rounds: arr(obj(doc.selection).rounds).map((r) => {
      const round = obj(r);
      return {
        key: String(round.key ?? ''),
        weight: n(round.weight, 0),
        passMark: n(round.passMark, 0),
        parts: arr(round.parts).map((p) => ({ key: String(obj(p).key ?? ''), weight: n(obj(p).weight, 0) })),
      };
    }),
    publicityDays: n(doc.publicityDays, 0),
  };
}

/**
 * The notice windows to show: the recorded ones, and for an entry publicized without a notice
 * record (imported in PUBLICIZING) the window the server derives from its step into publicity.
 */
export function noticeWindows(entry: Entry, policy: ProcedurePolicy | null) {
  const recorded = entry.notices.map((w) => ({ ...w, derived: false }));
  if (entry.status !== 'PUBLICIZING' || !policy || entry.notices.some((w) => !w.closedOn)) return recorded;
  const step = entry.history.filter((h) => h.to === 'PUBLICIZING').at(-1);
  if (!step) return recorded;
  const days = policy.publicityDays;
  const endsOn = iso(dayjs(step.on).add(Math.max(days, 1) - 1, 'day'));
  return [
    ...recorded,
    {
      id: -1,
      startsOn: step.on,
      endsOn,
      days,
      admissibleFrom: iso(dayjs(endsOn).add(1, 'day')),
      closedOn: null,
      closedAs: null,
      objections: [],
      derived: true,
    },
  ];
}

/**
 * The server's answer to raiseObjection and resolveObjection fails after the objection is written
 * (INTERNAL_SERVER_ERROR while checking access to the answer; see docs/decisions/023): such an
 * error alone says nothing about the write, so the caller reads the records again to know.
 */
export const failedAfterWriting = (error: CombinedError, mutation: string) =>
  !error.networkError &&
  error.graphQLErrors.length > 0 &&
  error.graphQLErrors.every((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' && e.path?.[0] === mutation);

/** Reads the entry's procedure again; the fresh entry, or null when it could not be read. */
export type Reread = () => Promise<Entry | null>;

/** Table cells that keep a date on one line. */
export const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
