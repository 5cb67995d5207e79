// Which higher unit a committee's decision goes to, by hand on a small tree: 示范市 (1.) → 甲县
// (1.2.) → 甲一镇 (1.2.3.) → 东村 (1.2.3.4.), under lines like the defaults: 正处 filed with the
// city; village cadres approved by the township and filed with the county.
import { describe, expect, it } from 'vitest';
import { type AuthorityLine, authoritiesFor, type TreeUnit } from '../../domain/authority.ts';

const city: TreeUnit = { code: 'C', level: 'CITY', path: '1.' };
const county: TreeUnit = { code: 'A', level: 'COUNTY', path: '1.2.' };
const township: TreeUnit = { code: 'A1', level: 'TOWNSHIP', path: '1.2.3.' };
const village: TreeUnit = { code: 'A1V', level: 'VILLAGE', path: '1.2.3.4.' };
const lines: AuthorityLine[] = [
  { rank: 'DIVISION_PRINCIPAL', level: 'CITY', mode: 'FILING' },
  { rank: 'VILLAGE_CADRE', level: 'TOWNSHIP', mode: 'APPROVAL' },
  { rank: 'VILLAGE_CADRE', level: 'COUNTY', mode: 'FILING' },
];
const to = (rank: AuthorityLine['rank'], lineage: TreeUnit[], meeting: TreeUnit) =>
  authoritiesFor(rank, lineage, meeting, { authority: lines }).map((a) => `${a.mode}→${a.unit.code}`);

describe('management authority', () => {
  it('sends a village party branch’s decision up for the township’s approval and the county’s filing', () => {
    expect(to('VILLAGE_CADRE', [city, county, township, village], village)).toEqual(['APPROVAL→A1', 'FILING→A']);
  });

  it('needs no approval when the township’s committee decided itself, and nothing when the county did', () => {
    expect(to('VILLAGE_CADRE', [village, township, county, city], township)).toEqual(['FILING→A']);
    expect(to('VILLAGE_CADRE', [village, township, county, city], county)).toEqual([]);
  });

  it('files a county’s 正处 reserve with the city, and only ranks with a line', () => {
    expect(to('DIVISION_PRINCIPAL', [county, city], county)).toEqual(['FILING→C']);
    expect(to('DIVISION_PRINCIPAL', [county, city], city)).toEqual([]);
    expect(to('SECTION_PRINCIPAL', [county, city], county)).toEqual([]);
  });

  it('skips a line whose level is not above the entry (no such unit in its lineage)', () => {
    // A city department's reserve has no township or county above it.
    const dept: TreeUnit = { code: 'C-03', level: 'DEPARTMENT', path: '1.9.' };
    expect(to('VILLAGE_CADRE', [dept, city], dept)).toEqual([]);
  });
});
