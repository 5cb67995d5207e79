// A streaming reader for a JSON document whose top level is an object of scalars and arrays.
// A national dataset is far larger than the longest string V8 can hold, so the file is read in
// chunks and each array element is parsed on its own with JSON.parse: memory stays at one record
// plus what the caller keeps.

import { formatMessage, type MessageKey, type MessageParams, messageParam } from '../../domain/messages.ts';
export type ScanEvent =
  | { type: 'scalar'; key: string; value: unknown }
  | { type: 'arrayStart'; key: string }
  | { type: 'element'; key: string; index: number; value: unknown }
  | { type: 'arrayEnd'; key: string };

export class JsonShapeError extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly params: MessageParams,
  ) {
    super(formatMessage(messageKey, params, 'en'));
  }
}

type State = 'start' | 'key' | 'colon' | 'value' | 'afterValue' | 'array' | 'element' | 'afterElement' | 'end';
type Capture = {
  kind: 'string' | 'nested' | 'literal';
  depth: number;
  inString: boolean;
  scanned: number;
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDelimiter = (c: number) => c === 0x2c || c === 0x7d || c === 0x5d || isSpace(c);

export class TopLevelScanner {
  private state: State = 'start';
  private carry: Buffer = Buffer.alloc(0);
  private capture: Capture | null = null;
  private key = '';
  private index = 0;
  private consumed = 0; // bytes before `carry`, for error positions

  constructor(private readonly emit: (event: ScanEvent) => void) {}

  push(chunk: Buffer): void {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let i = 0;
    let start = 0; // where the open capture began in `buf`
    if (this.capture) i = this.capture.scanned;
    while (i < buf.length) {
      const cap = this.capture;
      if (cap) {
        const end = this.scanCapture(buf, i, cap);
        if (end < 0) {
          i = buf.length;
          break;
        }
        this.finishCapture(buf.toString('utf8', start, end), start);
        this.capture = null;
        i = end;
        continue;
      }
      const c = buf[i]!;
      if (isSpace(c)) {
        i++;
        continue;
      }
      switch (this.state) {
        case 'start':
          this.expect(c === 0x7b, 'json.expectStart', i);
          this.state = 'key';
          i++;
          break;
        case 'key':
          if (c === 0x7d) {
            this.state = 'end';
            i++;
            break;
          }
          this.expect(c === QUOTE, 'json.expectField', i);
          start = i;
          this.capture = { kind: 'string', depth: 0, inString: true, scanned: 0 };
          i++;
          break;
        case 'colon':
          this.expect(c === 0x3a, 'json.expectColon', i);
          this.state = 'value';
          i++;
          break;
        case 'value':
          if (c === 0x5b) {
            this.emit({ type: 'arrayStart', key: this.key });
            this.state = 'array';
            this.index = 0;
            i++;
            break;
          }
          start = i;
          this.capture = this.openCapture(c);
          i++;
          break;
        case 'afterValue':
          if (c === 0x2c) this.state = 'key';
          else if (c === 0x7d) this.state = 'end';
          else this.expect(false, 'json.expectCommaBrace', i);
          i++;
          break;
        case 'array':
        case 'element':
          if (c === 0x5d && this.state === 'array') {
            this.emit({ type: 'arrayEnd', key: this.key });
            this.state = 'afterValue';
            i++;
            break;
          }
          start = i;
          this.capture = this.openCapture(c);
          i++;
          break;
        case 'afterElement':
          if (c === 0x2c) this.state = 'element';
          else if (c === 0x5d) {
            this.emit({ type: 'arrayEnd', key: this.key });
            this.state = 'afterValue';
          } else this.expect(false, 'json.expectCommaBracket', i);
          i++;
          break;
        case 'end':
          this.expect(false, 'json.expectEnd', i);
      }
    }
    if (this.capture) {
      this.capture.scanned = buf.length - start;
      this.consumed += start;
      this.carry = Buffer.from(buf.subarray(start));
    } else {
      this.consumed += buf.length;
      this.carry = Buffer.alloc(0);
    }
  }

  finish(): void {
    if (this.state !== 'end' || this.capture) {
      throw new JsonShapeError('json.truncated', {});
    }
  }

  private openCapture(c: number): Capture {
    if (c === QUOTE) return { kind: 'string', depth: 0, inString: true, scanned: 0 };
    if (c === 0x7b || c === 0x5b) return { kind: 'nested', depth: 1, inString: false, scanned: 0 };
    return { kind: 'literal', depth: 0, inString: false, scanned: 0 };
  }

  /** Scans from `i` (past the opening byte); returns the offset after the value, or -1. */
  private scanCapture(buf: Buffer, i: number, cap: Capture): number {
    if (cap.kind === 'literal') {
      for (; i < buf.length; i++) if (isDelimiter(buf[i]!)) return i;
      return -1;
    }
    let { depth, inString } = cap;
    while (i < buf.length) {
      if (inString) {
        // Jump to the closing quote: one quote preceded by an even number of backslashes.
        // `buf` starts at the capture's first byte, so looking back never leaves the value.
        let q = buf.indexOf(QUOTE, i);
        while (q >= 0) {
          let backslashes = 0;
          for (let k = q - 1; buf[k] === BACKSLASH; k--) backslashes++;
          if (backslashes % 2 === 0) break;
          q = buf.indexOf(QUOTE, q + 1);
        }
        if (q < 0) {
          i = buf.length;
          break;
        }
        inString = false;
        i = q + 1;
        if (cap.kind === 'string') return i;
        continue;
      }
      const c = buf[i]!;
      if (c === QUOTE) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    cap.depth = depth;
    cap.inString = inString;
    return -1;
  }

  private finishCapture(text: string, offset: number): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const where = this.state === 'element' || this.state === 'array' ? `${this.key}[${this.index}]` : `"${this.key}"`;
      const what = this.state === 'key' ? messageParam('json.expectField') : where;
      throw new JsonShapeError('json.invalidIn', { where: what, byte: this.consumed + offset });
    }
    switch (this.state) {
      case 'key':
        this.key = value as string;
        this.state = 'colon';
        break;
      case 'value':
        this.emit({ type: 'scalar', key: this.key, value });
        this.state = 'afterValue';
        break;
      default: {
        const duplicate = duplicateKey(text, value);
        if (duplicate !== null)
          throw new JsonShapeError('json.fieldTwice', { record: `${this.key}[${this.index}]`, field: duplicate });
        this.emit({ type: 'element', key: this.key, index: this.index++, value });
        this.state = 'afterElement';
      }
    }
  }

  private expect(ok: boolean, what: MessageKey, i: number): void {
    if (!ok) throw new JsonShapeError('json.expected', { byte: this.consumed + i, what: messageParam(what) });
  }
}

/**
 * A field named twice in a record's text (JSON.parse keeps the last silently), or null. Cheap in
 * the common case: the commas at the record's own level, plus one, must equal its field count.
 */
export function duplicateKey(text: string, value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const fields = Object.keys(value).length;
  if (fields === 0) return null;
  let depth = 0;
  let commas = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
    else if (c === 44 && depth === 1) commas++;
  }
  if (commas + 1 === fields) return null;
  // Slow path, only for a bad record: name the repeated field.
  const seen = new Set<string>();
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)) {
    const key = JSON.parse(`"${m[1]}"`) as string;
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return '(unknown)';
}
