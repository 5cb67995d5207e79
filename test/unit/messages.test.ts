// The server's messages in every language: each key has each language, the same parameters in
// each, Chinese in the Chinese and none in the English; enum labels are the dashboard's own; the
// request's language is read from Accept-Language as a browser sends it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LANG,
  ENUM_LABELS,
  formatMessage,
  LANGS,
  langOf,
  MESSAGES,
  type MessageKey,
} from '../../domain/messages.ts';

const CJK = /[\u3400-\u9fff]/;
const paramsOf = (template: string) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const web = (lang: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../web/src/i18n/${lang}.json`), 'utf8')) as Record<
    string,
    string
  >;

describe('the server’s messages', () => {
  it('has every key in every language, with the same parameters', () => {
    for (const [key, templates] of Object.entries(MESSAGES)) {
      for (const lang of LANGS) expect(templates[lang], `${key} in ${lang}`).toBeTruthy();
      expect(paramsOf(templates.en), key).toEqual(paramsOf(templates['zh-CN']));
      expect(CJK.test(templates['zh-CN']), `${key}: the Chinese is Chinese`).toBe(true);
      expect(CJK.test(templates.en), `${key}: the English has no Chinese`).toBe(false);
    }
  });

  it('labels enum values as the dashboard does', () => {
    const [zh, en] = [web('zh-CN'), web('en')];
    for (const [value, labels] of Object.entries(ENUM_LABELS)) {
      for (const lang of LANGS) expect(labels[lang], `${value} in ${lang}`).toBeTruthy();
      const key = `enum.${value}`;
      if (key in zh) expect([labels['zh-CN'], labels.en], value).toEqual([zh[key], en[key]]);
    }
  });

  it('fills parameters and shows enum values by their labels, never raw', () => {
    const key: MessageKey = 'reserve.openEntryExists';
    const params = { person: 'E12', entry: 'R07', status: 'ReserveStatus.ACTIVE' };
    expect(formatMessage(key, params, 'zh-CN')).toBe('人员“E12”已有一条进行中的后备干部记录：R07（在库）');
    expect(formatMessage(key, params, 'en')).toBe('person "E12" already has an open entry, R07 (Active)');
  });

  it('answers in the language Accept-Language prefers, Chinese by default', () => {
    expect(langOf(null)).toBe(DEFAULT_LANG);
    expect(DEFAULT_LANG).toBe('zh-CN');
    expect(langOf('en-US,en;q=0.9')).toBe('en');
    expect(langOf('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(langOf('en;q=0.5, zh-TW;q=0.8')).toBe('zh-CN');
    expect(langOf('fr-FR, en;q=0.3')).toBe('en');
    expect(langOf('fr-FR')).toBe('zh-CN');
    expect(langOf('en;q=0, zh')).toBe('zh-CN');
    expect(langOf(`${'x,'.repeat(10_000)}en`)).toBe('zh-CN');
  });
});
