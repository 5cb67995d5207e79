// Printouts of the succession page: a unit's succession view (its gap per kind by the horizon,
// its team post by post with who holds each, until when, and who is ready, and its reserves) and
// the candidate comparison — for a 部务会 or a talk with the unit's leadership. The same figures
// as the page, laid out by print.ts (footer with unit, date, policy versions, who and when).
import type { TFunction } from 'i18next';
import type { Client } from 'urql';
import type { ResultOf } from '../api/graphql.ts';
import { POLICY_VERSIONS, type TEAM } from '../api/operations.ts';
import type { Candidate, ComparisonRow } from '../components/comparison-rows.ts';
import { number } from '../format.ts';
import { printTable } from './print.ts';

type Team = ResultOf<typeof TEAM>;

interface Facts {
  client: Client;
  t: TFunction;
  asOf: string;
  who: string;
}

/** The unit with the units above it: 示范市·某县·教育局. */
export function placeOf(unit: { name: string; ancestors: { name: string }[] }): string {
  return [...unit.ancestors.map((a) => a.name), unit.name].join('·');
}

/** The policy versions in force for the unit's kind at the date, as the footer says them. */
async function versionsText({ client, t, asOf }: Facts, unitKind: string): Promise<string> {
  const r = await client.query(POLICY_VERSIONS, { unitKind: unitKind as never, asOf }).toPromise();
  if (r.error || !r.data) throw r.error ?? new Error('no data');
  const versions = r.data.policy.versions;
  return versions.length ? versions.join(', ') : t('compliance.defaultPolicy');
}

function footer(facts: Facts, unit: string, versions: string): string {
  return facts.t('print.footer', {
    unit,
    asOf: facts.asOf,
    versions,
    who: facts.who,
    when: new Date().toLocaleString('zh-CN', { hour12: false }),
  });
}

/** A unit's succession view: the gap per kind, the team post by post, and its reserves. */
export async function printSuccession(facts: Facts, team: Team): Promise<void> {
  const { t, asOf } = facts;
  const unit = team.unit!;
  const place = placeOf(unit);
  const horizonEnd = team.successionGaps.horizonEnd;
  const kind = (k: string) => t(`enum.PositionKind.${k}`);
  const ready = (k: string) => {
    const page = k === 'PRINCIPAL' ? team.readyPrincipal : team.readyDeputy;
    const names = page.rows.flatMap((r) => (r.entry ? [r.entry.person.name] : []));
    return names.length < page.totalCount
      ? `${names.join('、')}${t('print.andMore', { count: page.totalCount })}`
      : names.join('、');
  };
  const yes = t('print.yes');
  const reserves = team.reserves.edges.map((e) => e.node);
  printTable(
    {
      title: t('succession.printTitle', { unit: place, asOf }),
      subtitle: [t('succession.printHorizon', { date: horizonEnd })],
      orientation: 'landscape',
      footer: footer(facts, place, await versionsText(facts, unit.kind)),
      sections: [
        {
          heading: t('succession.printGaps'),
          columns: [
            { header: t('roster.kind') },
            { header: t('succession.postsCol'), align: 'right' },
            { header: t('succession.vacancies'), align: 'right' },
            { header: t('succession.ready'), align: 'right' },
            { header: t('succession.gap'), align: 'right' },
            { header: t('succession.bench'), align: 'right' },
          ],
          rows: team.successionGaps.rows.map((r) => [
            kind(r.kind),
            number(r.positions),
            number(r.expectedVacancies),
            number(r.ready),
            number(r.gap),
            r.expectedVacancies ? r.benchStrength.toFixed(2) : null,
          ]),
        },
        {
          heading: t('succession.printTeam'),
          columns: [
            { header: t('succession.post') },
            { header: t('roster.kind') },
            { header: t('succession.incumbent') },
            { header: t('roster.age'), align: 'right' },
            { header: t('succession.termEndsCol') },
            { header: t('succession.retiresCol') },
            { header: t('succession.expectedVacancyCol', { date: horizonEnd }) },
            { header: t('succession.readyCol') },
          ],
          rows: unit.positions.map((p) => {
            const vacates =
              p.vacant ||
              (p.retiresOn !== null && p.retiresOn <= horizonEnd) ||
              (p.termEnds !== null && p.termEnds <= horizonEnd);
            return [
              p.title,
              kind(p.kind),
              p.vacant || !p.incumbent ? t('succession.vacant') : p.incumbent.name,
              p.incumbent && !p.vacant ? p.incumbent.age : null,
              p.termEnds,
              p.retiresOn,
              vacates ? yes : '',
              ready(p.kind),
            ];
          }),
        },
        {
          heading: t('succession.printReserves', { count: team.reserves.totalCount }),
          notes:
            reserves.length < team.reserves.totalCount
              ? [t('succession.printFirst', { shown: reserves.length, total: team.reserves.totalCount })]
              : [],
          columns: [
            { header: t('roster.name') },
            { header: t('roster.kind') },
            { header: t('roster.age'), align: 'right' },
            { header: t('roster.educationCol') },
            { header: t('roster.tier') },
            { header: t('roster.enteredOn') },
          ],
          rows: reserves.map((r) => [
            r.person.name,
            kind(r.targetKind),
            r.person.age,
            t(`enum.Education.${r.person.education}`),
            t(`enum.Tier.${r.tier}`),
            r.enteredOn,
          ]),
        },
      ],
    },
    t('print.pages', { page: '{page}', pages: '{pages}' }),
  );
}

/** The candidate comparison: one column per candidate, one row per attribute, as on screen. */
export async function printComparison(
  facts: Facts,
  unit: { place: string; kind: string },
  candidates: Candidate[],
  rows: ComparisonRow[],
): Promise<void> {
  const { t, asOf } = facts;
  printTable(
    {
      title: t('succession.printComparison', { unit: unit.place, asOf }),
      orientation: candidates.length > 2 ? 'landscape' : 'portrait',
      footer: footer(facts, unit.place, await versionsText(facts, unit.kind)),
      columns: [{ header: '' }, ...candidates.map((c) => ({ header: `${c.person.name}（${c.code}）` }))],
      rows: rows.map((row) => [row.label, ...candidates.map((c) => row.value(c))]),
    },
    t('print.pages', { page: '{page}', pages: '{pages}' }),
  );
}
