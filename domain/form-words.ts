// The words cadre forms use (干部任免审批表, rosters) and the enums the rules read: 学历 and 学位
// to the education scale, 入党时间 to a political status, 专业技术职务 to a title, 现任职务 to a
// rank, and back. The forms keep their words; the enums are derived from them, once, here.
import {
  type Category,
  EDUCATIONS,
  type Education,
  type PoliticalStatus,
  type Rank,
  type Title,
  type UnitKind,
} from './enums.ts';

/** 学历 words by the education they mean (a 研究生 with a 博士 degree is a doctorate). */
const EDUCATION_WORDS: [RegExp, Education][] = [
  [/^(研究生|硕士研究生|博士研究生)/, 'MASTER'],
  [/^(大学|本科|大学本科)/, 'BACHELOR'],
  [/^(大专|专科|大学专科)/, 'ASSOCIATE'],
  [/^(中专|中技|中等专科|技校)/, 'SECONDARY'],
  [/^(高中|初中|小学|职高)/, 'HIGH_SCHOOL'],
];

/**
 * The education a 学历 word (with its 学位) means; undefined for a word this scale does not know,
 * null for none given.
 */
export function educationOfWords(education: string | null, degree: string | null): Education | null | undefined {
  if (!education) return null;
  const hit = EDUCATION_WORDS.find(([re]) => re.test(education.trim()))?.[1];
  if (hit === 'MASTER' && (/博士/.test(education) || /博士/.test(degree ?? ''))) return 'DOCTORATE';
  return hit;
}

/** The higher of two educations (either may be missing). */
export function higherEducation(a: Education | null, b: Education | null): Education | null {
  if (a === null) return b;
  if (b === null) return a;
  return EDUCATIONS.indexOf(a) >= EDUCATIONS.indexOf(b) ? a : b;
}

/** The words the form writes for an education (when the record kept none of its own). */
export function wordsOfEducation(education: Education | null): { education: string | null; degree: string | null } {
  switch (education) {
    case 'DOCTORATE':
      return { education: '研究生', degree: '博士' };
    case 'MASTER':
      return { education: '研究生', degree: '硕士' };
    case 'BACHELOR':
      return { education: '大学', degree: '学士' };
    case 'ASSOCIATE':
      return { education: '大专', degree: null };
    case 'SECONDARY':
      return { education: '中专', degree: null };
    case 'HIGH_SCHOOL':
      return { education: '高中', degree: null };
    default:
      return { education: null, degree: null };
  }
}

const DEMOCRATIC_PARTIES = /民革|民盟|民建|民进|农工|致公|九三|台盟|民主党派/;

/**
 * The political status 入党时间 implies: a date is a CPC member's joining; a democratic party's
 * name, that party; 无党派, a non-party person. Null when it says nothing (an empty field, which
 * on the form is also a 群众's).
 */
export function politicalStatusOfPartyJoined(partyJoined: string | null): PoliticalStatus | null {
  if (!partyJoined) return null;
  if (/^\d{4}-\d{2}$/.test(partyJoined)) return 'CPC';
  if (DEMOCRATIC_PARTIES.test(partyJoined)) return 'DEMOCRATIC_PARTY';
  if (/无党派/.test(partyJoined)) return 'NON_PARTY';
  if (/群众/.test(partyJoined)) return 'MASSES';
  return null;
}

/** The title a 专业技术职务 names (正高级 → SENIOR, 副高级 → SUB_SENIOR, 中级 …), NONE otherwise. */
export function titleOfWords(words: string | null): Title {
  if (!words) return 'NONE';
  if (/正高|^教授|^研究员|主任医师(?!.*副)|正高级/.test(words) && !/副/.test(words)) return 'SENIOR';
  if (/副高|副教授|副研究员|副主任|高级/.test(words)) return 'SUB_SENIOR';
  if (/中级|讲师|工程师|主治|会计师|经济师|一级教师/.test(words) && !/助理/.test(words)) return 'INTERMEDIATE';
  if (/初级|助理|助教|技术员|二级教师|医师/.test(words)) return 'JUNIOR';
  return 'NONE';
}

/** The rank a 现任职务 names by its level words (正处级, 副县长 …); STAFF when it names none. */
export function rankOfPost(post: string | null): Rank {
  if (!post) return 'STAFF';
  const rules: [RegExp, Rank][] = [
    [/正厅|厅级正职|正局级/, 'BUREAU_PRINCIPAL'],
    [/副厅|厅级副职|副局级/, 'BUREAU_DEPUTY'],
    [/正处|处级正职|正县/, 'DIVISION_PRINCIPAL'],
    [/副处|处级副职|副县/, 'DIVISION_DEPUTY'],
    [/正科|科级正职|乡科级正职/, 'SECTION_PRINCIPAL'],
    [/副科|科级副职|乡科级副职/, 'SECTION_DEPUTY'],
  ];
  return rules.find(([re]) => re.test(post))?.[1] ?? 'STAFF';
}

/** The category a new person from a form takes from the unit kind. */
export function categoryOfUnitKind(kind: UnitKind): Category {
  if (kind === 'ENTERPRISE') return 'ENTERPRISE_MANAGER';
  if (kind === 'SCHOOL' || kind === 'INSTITUTION') return 'MANAGEMENT';
  return 'PARTY_GOV';
}
