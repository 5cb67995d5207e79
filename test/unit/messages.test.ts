// The server's messages in every language: each key has each language, the same parameters in
// each, Chinese in the Chinese and none in the English; enum labels are the dashboard's own; the
// request's language is read from Accept-Language as a browser sends it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LANG,
  ENUM_LABELS,
  enumParam,
  FIELD_LABELS,
  fieldParam,
  formatMessage,
  isStoredMessage,
  LANGS,
  langOf,
  listParam,
  MESSAGES,
  type MessageKey,
  messageParam,
  readStored,
  storedMessage,
} from '../../domain/messages.ts';

const CJK = /[\u3400-\u9fff]/;
// The parameters a template names (one may be named twice).
const paramsOf = (template: string) => [...new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
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
    // The default policy's keys are labelled under their own prefixes in the dashboard.
    const dashboardKey = (value: string) =>
      value
        .replace(/^VoterGroup\./, 'procedure.group.')
        .replace(/^ScoreRound\./, 'procedure.round.')
        .replace(/^ScorePart\./, 'procedure.part.')
        .replace(/^ComplianceRule\./, 'rule.')
        .replace(/^(?!procedure\.|rule\.)/, 'enum.');
    for (const [value, labels] of Object.entries(ENUM_LABELS)) {
      for (const lang of LANGS) expect(labels[lang], `${value} in ${lang}`).toBeTruthy();
      const key = dashboardKey(value);
      if (key in zh) expect([labels['zh-CN'], labels.en], value).toEqual([zh[key], en[key]]);
      else expect(value, 'a label the dashboard does not have').not.toMatch(/^(VoterGroup|ScoreRound|ScorePart)\./);
    }
  });

  it('names fields in Chinese, and as the API spells them in English', () => {
    for (const [field, labels] of Object.entries(FIELD_LABELS)) {
      expect(CJK.test(labels['zh-CN']), field).toBe(true);
      expect(labels.en, field).toBe(field.slice('Field.'.length));
    }
  });

  it('composes messages and lists in one language, and shows a value without a label as it is', () => {
    const params = {
      entry: 'RN1',
      group: enumParam('VoterGroup', 'MIDDLE_MANAGERS'),
      problem: messageParam('ballot.countRange', { field: fieldParam('cast'), value: -1 }),
    };
    expect(formatMessage('recommendation.groupProblem', params, 'zh-CN')).toBe(
      '后备干部记录“RN1”，推荐人类别“中层干部”：实到人数应为 0 至 100000 的整数，收到 -1',
    );
    expect(formatMessage('recommendation.groupProblem', params, 'en')).toBe(
      'reserve entry "RN1", voter group Middle managers: cast must be a whole number from 0 to 100000, got -1',
    );
    const statuses = listParam(
      ['NOMINATED', 'INSPECTING'].map((s) => enumParam('ReserveStatus', s)),
      'or',
    );
    const stage = { entry: 'R1', status: enumParam('ReserveStatus', 'ACTIVE'), what: messageParam('stage.score') };
    expect(formatMessage('procedure.wrongStage', { ...stage, statuses }, 'zh-CN')).toBe(
      '后备干部记录“R1”当前状态为在库：选拔评分只能在已提名或考察中状态下登记',
    );
    expect(formatMessage('procedure.wrongStage', { ...stage, statuses }, 'en')).toBe(
      'reserve entry "R1" is Active: a selection score is recorded while it is Nominated or Inspecting',
    );
    // A voter group a policy adds has no label: its key is shown.
    expect(
      formatMessage('recommendation.groupTwice', { entry: 'R1', group: enumParam('VoterGroup', 'VETERANS') }, 'en'),
    ).toBe('reserve entry "R1": voter group VETERANS is given twice');
  });

  it('stores the reasons it writes as messages, read back in each language, and leaves a user’s words alone', () => {
    const stored = storedMessage('reason.promotedTo', { post: '县长', code: 'C01-P1' });
    expect(readStored(stored, 'zh-CN')).toBe('提拔任用为县长（C01-P1）');
    expect(readStored(stored, 'en')).toBe('promoted to 县长 (C01-P1)');
    expect(isStoredMessage(stored)).toBe(true);
    // What a user wrote, even JSON-looking, is shown as written; so is a damaged stored message.
    for (const text of ['组织研究决定', '{"key":"reason.promotedTo","params":{}}'])
      expect([readStored(text, 'en'), isStoredMessage(text)]).toEqual([text, false]);
    expect(readStored('\u0001{"key":"no.such","params":{}}', 'zh-CN')).toBe('{"key":"no.such","params":{}}');
    expect(readStored(null, 'zh-CN')).toBeNull();
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
