import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../domain/messages.ts';
import { type JsonShapeError, type ScanEvent, TopLevelScanner } from '../../server/dataset/scan.ts';

function scan(text: string, chunkSize: number): ScanEvent[] {
  const events: ScanEvent[] = [];
  const scanner = new TopLevelScanner((e) => events.push(e));
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += chunkSize) scanner.push(bytes.subarray(i, i + chunkSize));
  scanner.finish();
  return events;
}

const doc = `{ "formatVersion" : 1,
  "units": [ {"code":"C\\"01}","name":"示范市 [x]","parentCode":null}, {"code":"C02","n":[1,{"a":"}"}]} ],
  "empty": [],
  "flag": true, "n": -1.5e3 }`;

describe('the streaming dataset scanner', () => {
  const expected: ScanEvent[] = [
    { type: 'scalar', key: 'formatVersion', value: 1 },
    { type: 'arrayStart', key: 'units' },
    { type: 'element', key: 'units', index: 0, value: { code: 'C"01}', name: '示范市 [x]', parentCode: null } },
    { type: 'element', key: 'units', index: 1, value: { code: 'C02', n: [1, { a: '}' }] } },
    { type: 'arrayEnd', key: 'units' },
    { type: 'arrayStart', key: 'empty' },
    { type: 'arrayEnd', key: 'empty' },
    { type: 'scalar', key: 'flag', value: true },
    { type: 'scalar', key: 'n', value: -1500 },
  ];

  it('gives the same events however the bytes are split, even inside a multi-byte character', () => {
    for (const size of [1, 2, 3, 5, 7, 64, 4096]) expect(scan(doc, size)).toEqual(expected);
  });

  it('says where the JSON is broken', () => {
    expect(() => scan('{"units": [{"code": "X",}]}', 8)).toThrow(/invalid JSON in units\[0\] at byte 11/);
    expect(() => scan('[1, 2]', 8)).toThrow(/expected the document to start with "\{"/);
    expect(() => scan('{"units": [] } x', 8)).toThrow(/expected nothing after the closing "\}"/);
    expect(() => scan('{"units": [', 8)).toThrow(/file ends before the document is complete/);
    // In Chinese too: the same place, no parser's English.
    const chinese = (text: string) => {
      try {
        scan(text, 8);
      } catch (e) {
        const { messageKey, params } = e as JsonShapeError;
        return formatMessage(messageKey, params, 'zh-CN');
      }
      throw new Error('no error');
    };
    expect(chinese('{"units": [{"code": "X",}]}')).toBe('JSON 格式错误：units[0] 中第 11 字节附近无法解析');
    expect(chinese('{"units": [] } x')).toBe('JSON 格式错误：第 15 字节处不符合要求，应为：结束的“}”之后不应再有内容');
    expect(chinese('{"units": [{"a": 1, "a": 2}]}')).toBe('units[0]：字段“a”出现了两次');
  });
});
