// What text may hold, wherever it comes in (GraphQL arguments, dataset imports): no NUL or other
// control characters but tab and line breaks, no bidirectional controls (which make a name read
// differently from what it is: "U+202E" turns "abc.exe" into "exe.cba"), no lone surrogates
// (half a character; PostgreSQL refuses the text). And how long an input text may be.
import { formatMessage, type MessageRef, messageParam } from './messages.ts';

/** Between the names of a unit's place in the tree (示范市·某县·教育局), in every table and file. */
export const PATH_SEPARATOR = '·';

/** Longest text of one GraphQL input value, unless the field says less (a dataset document more). */
export const MAX_TEXT = 10_000;
/** Longest short text of the dataset format (codes, names, titles) unless the field says otherwise. */
export const MAX_SHORT_TEXT = 200;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this rule's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hex = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a text, or null: the first forbidden character, named by its code point. */
export function textIssue(text: string): MessageRef | null {
  let m = CONTROL.exec(text);
  if (m) return messageParam('text.control', { char: hex(m[0]), position: m.index + 1 });
  m = BIDI.exec(text);
  if (m) return messageParam('text.bidi', { char: hex(m[0]), position: m.index + 1 });
  m = LONE_SURROGATE.exec(text);
  if (m) return messageParam('text.surrogate', { char: hex(m[0]), position: m.index + 1 });
  return null;
}

/** `textIssue` in English. */
export function textProblem(text: string): string | null {
  const issue = textIssue(text);
  return issue ? formatMessage(issue.key, issue.params, 'en') : null;
}
