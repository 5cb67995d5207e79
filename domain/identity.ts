// 公民身份号码 (GB 11643-1999): 18 characters — a 6-digit area code, the birth date as YYYYMMDD,
// a 3-digit sequence (odd for men, even for women) and a check character computed over the
// first 17 by ISO 7064 MOD 11-2 ("X" stands for 10). A number is checked before it is stored:
// its length and characters, its check character, a real birth date, and that date agreeing
// with the person's.
import { isIsoDate } from './dates.ts';
import { type MessageRef, messageParam } from './messages.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character of the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** The birth date a (well-formed) number carries, as YYYY-MM-DD. */
export function birthDateOfId(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** A number as stored: trimmed, the check character in upper case. */
export function normaliseIdNumber(id: string): string {
  return id.trim().toUpperCase();
}

/**
 * What is wrong with an identity number, or null. `birthDate` (YYYY-MM-DD) is the person's: the
 * number must carry the same date.
 */
export function idNumberIssue(raw: string, birthDate?: string | null): MessageRef | null {
  const id = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return messageParam('identity.shape', { length: id.length });
  const born = birthDateOfId(id);
  if (!isIsoDate(born)) return messageParam('identity.birthDate', { date: id.slice(6, 14) });
  const check = idCheckCharacter(id.slice(0, 17));
  if (id[17] !== check) return messageParam('identity.checksum', { expected: check, found: id[17]! });
  if (birthDate && birthDate !== born) return messageParam('identity.birthMismatch', { born, birthDate });
  return null;
}
