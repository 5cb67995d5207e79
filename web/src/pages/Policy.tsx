// 政策: the policy in force for a unit kind at a date — every target and limit, editable by an
// administrator of the whole tree, saved as a new dated version (earlier ones stay) — and the
// history of versions.
import { Alert, Button, Card, Col, DatePicker, Input, InputNumber, Row, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { EDUCATIONS, UNIT_KINDS, type UnitKind } from '../api/enums.ts';
import { POLICY, POLICY_PRESETS, SET_POLICY } from '../api/operations.ts';
import { errorText, QueryState } from '../components/QueryState.tsx';
import { useCan } from '../viewer.ts';

type Json = Record<string, unknown>;
interface DegreeTarget {
  category: string;
  maxAge: number | null;
  atLeast: string;
  share: number;
}

/** The group a setting is shown in, by its first path segment. */
const GROUPS: [string, string[]][] = [
  ['ratios', ['reserveRatio', 'ageLimit', 'ageLimitWomen', 'retirementAge', 'ageBands']],
  ['structure', ['specialStructureShare', 'nearTermShare', 'bachelorShare', 'poolAppointmentShare']],
  [
    'selection',
    [
      'fullTimeBachelorMaxAge',
      'minYearsInLowerRank',
      'minWorkYears',
      'managementPeriodYears',
      'minCultivationYears',
      'publicityDays',
      'appointmentNoticeWorkingDays',
      'qualificationExamValidYears',
      'recommendation',
      'selection',
      'mentorsPerReserve',
      'mentorPrincipal',
      'mentorContactsPerQuarter',
      'talksPerYear',
      'rotationReportWeights',
      'practice',
    ],
  ],
  ['training', ['training', 'reserveTrainingCoverage']],
  ['elimination', ['elimination']],
  ['reporting', []],
];
const groupOf = (path: string) => GROUPS.find(([, heads]) => heads.includes(path.split('.')[0]!))?.[0] ?? 'reporting';

/** Every numeric setting of a policy document, by its path ("reserveRatio.PRINCIPAL"). */
function numbers(doc: unknown, prefix = ''): [string, number][] {
  if (typeof doc === 'number') return [[prefix, doc]];
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return [];
  return Object.entries(doc as Json).flatMap(([k, v]) => numbers(v, prefix ? `${prefix}.${k}` : k));
}

/** A preset's overrides as the editor's changes: numbers by path, lists and words by their key. */
function changesOf(overrides: Json): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(numbers(overrides));
  for (const [k, v] of Object.entries(overrides)) if (typeof v !== 'object' || Array.isArray(v)) out[k] ??= v;
  return out;
}

/** The nested overrides document for changed settings. */
function overridesOf(changes: Record<string, unknown>): Json {
  const out: Json = {};
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    let at = out;
    for (const k of keys.slice(0, -1)) {
      at[k] ??= {};
      at = at[k] as Json;
    }
    at[keys.at(-1)!] = value;
  }
  return out;
}

export function Policy() {
  const { t, i18n } = useTranslation();
  const canEdit = useCan('SET_POLICY');
  const [unitKind, setUnitKind] = useState<UnitKind | null>(null);
  const [asOf, setAsOf] = useState(dayjs());
  const [{ data, fetching, error }, refetch] = useQuery({
    query: POLICY,
    variables: { unitKind, asOf: asOf.format('YYYY-MM-DD') },
  });
  const [saveState, setPolicy] = useMutation(SET_POLICY);
  const [{ data: presetData }] = useQuery({ query: POLICY_PRESETS });
  const [presetKey, setPresetKey] = useState<string | null>(null);
  const preset = presetData?.policyPresets.find((p) => p.key === presetKey) ?? null;
  const [changes, setChanges] = useState<Record<string, unknown>>({});
  const [effectiveFrom, setEffectiveFrom] = useState(dayjs());
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<{ id: number; date: string } | null>(null);
  const doc = data?.policy.document as Json | undefined;
  const label = (path: string) => (i18n.exists(`policy.s.${path}`) ? t(`policy.s.${path}`) : path);
  const kindLabel = (k: string | null) => (k ? t(`enum.UnitKind.${k}`) : t('policy.allKinds'));
  const degreeTargets = (changes.degreeTargets ?? doc?.degreeTargets ?? []) as DegreeTarget[];
  const changed = Object.keys(changes).length;

  const reset = () => {
    setChanges({});
    setSaved(null);
  };
  /** Loads a rule set into the editor for its first unit kind, with its clauses as the note; saving records it. */
  const loadPreset = () => {
    if (!preset) return;
    setUnitKind(preset.unitKinds[0] as UnitKind);
    setSaved(null);
    setChanges(changesOf(preset.overrides as Json));
    setNote(`${preset.name}：${preset.clauses.join('；')}`.slice(0, 500));
  };
  const workYears = (changes.workYearsByEducation ?? doc?.workYearsByEducation ?? []) as {
    atLeast: string;
    years: number;
  }[];
  const save = async () => {
    const r = await setPolicy({
      input: {
        ...(unitKind ? { unitKind } : {}),
        effectiveFrom: effectiveFrom.format('YYYY-MM-DD'),
        overrides: overridesOf(changes),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    });
    if (!r.error && r.data) {
      setSaved({ id: r.data.setPolicy.id, date: String(r.data.setPolicy.effectiveFrom) });
      setChanges({});
      setNote('');
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const workYearsText = (lines: { atLeast: string; years: number }[]) =>
    lines.length
      ? lines
          .map((w) => t('policy.workYearsLine', { education: t(`enum.Education.${w.atLeast}`), years: w.years }))
          .join('；')
      : t('policy.workYearsNone');
  /** A stored or preset override in words: each setting's label and value. */
  const describe = (overrides: unknown) =>
    numbers(overrides)
      .map(([p, v]) => `${label(p)}: ${v}`)
      .concat(
        Object.entries((overrides ?? {}) as Json)
          .filter(([, v]) => typeof v === 'string' || Array.isArray(v))
          .map(([k, v]) =>
            k === 'minEducation'
              ? `${t('policy.minEducation')}: ${t(`enum.Education.${v}`)}`
              : k === 'workYearsByEducation'
                ? `${label(k)}: ${workYearsText(v as { atLeast: string; years: number }[])}`
                : `${label(k)}: ${Array.isArray(v) ? `[${v.length}]` : String(v)}`,
          ),
      )
      .join('；');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.policy')}
        </Typography.Title>
        <span>{t('policy.unitKind')}</span>
        <Select
          aria-label={t('policy.unitKind')}
          style={{ width: 160 }}
          value={unitKind ?? 'ALL'}
          onChange={(v) => {
            setUnitKind(v === 'ALL' ? null : (v as UnitKind));
            reset();
          }}
          options={[
            { value: 'ALL', label: t('policy.allKinds') },
            ...UNIT_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
          ]}
        />
        <span>{t('common.asOf')}</span>
        <DatePicker
          aria-label={t('common.asOf')}
          allowClear={false}
          value={asOf}
          onChange={(d) => {
            if (d) setAsOf(d);
            reset();
          }}
        />
      </Space>
      <QueryState fetching={fetching && !data} error={error}>
        {data && doc && (
          <>
            <Typography.Text type="secondary">
              {t('policy.versions', {
                versions: data.policy.versions.length ? data.policy.versions.join(', ') : t('policy.defaults'),
              })}
            </Typography.Text>
            {!canEdit && <Alert type="info" showIcon title={t('policy.readOnly')} />}
            <Row gutter={[16, 16]}>
              {GROUPS.map(([group]) => {
                const settings = numbers(doc).filter(([p]) => groupOf(p) === group);
                return (
                  <Col key={group} xs={24} lg={12} xxl={8}>
                    <Card size="small" title={t(`policy.group.${group}`)}>
                      <Table
                        size="small"
                        pagination={false}
                        rowKey={([p]) => p}
                        dataSource={settings}
                        columns={[
                          { title: t('policy.setting'), render: (_, [p]) => label(p) },
                          {
                            title: t('policy.value'),
                            width: 130,
                            render: (_, [p, v]) => (
                              <InputNumber
                                aria-label={label(p)}
                                size="small"
                                disabled={!canEdit}
                                min={0}
                                max={1000}
                                step={v < 1 && v > 0 ? 0.01 : 1}
                                value={(changes[p] as number | undefined) ?? v}
                                status={p in changes ? 'warning' : undefined}
                                onChange={(n) =>
                                  setChanges((c) => {
                                    const { [p]: _, ...rest } = c;
                                    return n === null || n === v ? rest : { ...rest, [p]: n };
                                  })
                                }
                              />
                            ),
                          },
                        ]}
                      />
                      {group === 'selection' && (
                        <Space style={{ marginTop: 8 }} wrap>
                          <span>{t('policy.workYearsByEducation')}</span>
                          <Typography.Text type={'workYearsByEducation' in changes ? 'warning' : undefined}>
                            {workYearsText(workYears)}
                          </Typography.Text>
                        </Space>
                      )}
                      {group === 'selection' && (
                        <Space style={{ marginTop: 8 }}>
                          <span>{t('policy.minEducation')}</span>
                          <Select
                            aria-label={t('policy.minEducation')}
                            size="small"
                            disabled={!canEdit}
                            style={{ width: 120 }}
                            value={(changes.minEducation ?? doc.minEducation) as string}
                            onChange={(v) =>
                              setChanges((c) => {
                                const { minEducation: _, ...rest } = c;
                                return v === doc.minEducation ? rest : { ...rest, minEducation: v };
                              })
                            }
                            options={EDUCATIONS.map((e) => ({
                              value: e,
                              label: t(`enum.Education.${e}`),
                            }))}
                          />
                        </Space>
                      )}
                    </Card>
                  </Col>
                );
              })}
              <Col xs={24} lg={12} xxl={8}>
                <Card size="small" title={t('policy.degreeTargets')}>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey={(r) => `${r.category}|${r.maxAge}|${r.atLeast}`}
                    dataSource={degreeTargets}
                    columns={[
                      { title: t('roster.category'), dataIndex: 'category', render: (v) => t(`enum.Category.${v}`) },
                      { title: t('policy.maxAge'), dataIndex: 'maxAge', render: (v) => v ?? '—' },
                      { title: t('policy.atLeast'), dataIndex: 'atLeast', render: (v) => t(`enum.Education.${v}`) },
                      {
                        title: t('policy.share'),
                        width: 110,
                        render: (_, r, i) => (
                          <InputNumber
                            aria-label={`${t('policy.degreeTargets')} ${i + 1}`}
                            size="small"
                            disabled={!canEdit}
                            min={0}
                            max={1}
                            step={0.05}
                            value={r.share}
                            onChange={(n) =>
                              n !== null &&
                              setChanges((c) => ({
                                ...c,
                                degreeTargets: degreeTargets.map((d, j) => (j === i ? { ...d, share: n } : d)),
                              }))
                            }
                          />
                        ),
                      },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
            {canEdit && (
              <Card size="small" title={t('policy.presets')}>
                <Space wrap>
                  <Select
                    aria-label={t('policy.presets')}
                    placeholder={t('policy.presetPick')}
                    style={{ width: 300 }}
                    value={presetKey}
                    onChange={setPresetKey}
                    options={(presetData?.policyPresets ?? []).map((p) => ({ value: p.key, label: p.name }))}
                  />
                  <Button disabled={!preset} onClick={loadPreset}>
                    {t('policy.presetLoad')}
                  </Button>
                </Space>
                {preset && (
                  <div style={{ marginTop: 8 }}>
                    <Typography.Text type="secondary">
                      {t('policy.presetFor', { kinds: preset.unitKinds.map((k) => kindLabel(k)).join('、') })}
                    </Typography.Text>
                    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                      {preset.clauses.map((c) => (
                        <li key={c}>「{c}」</li>
                      ))}
                    </ul>
                    <Typography.Text type="secondary">{describe(preset.overrides)}</Typography.Text>
                  </div>
                )}
              </Card>
            )}
            {canEdit && (
              <Card size="small">
                <Space wrap>
                  <span>{t('policy.changed', { count: changed })}</span>
                  <span>{t('policy.effectiveFrom')}</span>
                  <DatePicker
                    aria-label={t('policy.effectiveFrom')}
                    allowClear={false}
                    value={effectiveFrom}
                    onChange={(d) => d && setEffectiveFrom(d)}
                  />
                  <Input
                    aria-label={t('policy.note')}
                    placeholder={t('policy.note')}
                    maxLength={500}
                    style={{ width: 280 }}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                  />
                  <Button type="primary" disabled={!changed} loading={saveState.fetching} onClick={save}>
                    {t('policy.save')}
                  </Button>
                  <Button disabled={!changed} onClick={reset}>
                    {t('policy.discard')}
                  </Button>
                </Space>
                {saveState.error && (
                  <Alert style={{ marginTop: 8 }} type="error" showIcon title={errorText(saveState.error)} />
                )}
                {saved && !saveState.error && (
                  <Alert style={{ marginTop: 8 }} type="success" showIcon title={t('policy.saved', saved)} />
                )}
              </Card>
            )}
            <Card size="small" title={t('policy.history')}>
              <Table
                size="small"
                rowKey="id"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={[...data.policyVersions].reverse()}
                columns={[
                  { title: t('policy.id'), dataIndex: 'id', width: 70 },
                  { title: t('policy.unitKind'), dataIndex: 'unitKind', width: 120, render: kindLabel },
                  { title: t('policy.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
                  { title: t('policy.overrides'), dataIndex: 'overrides', render: describe },
                  { title: t('policy.note'), dataIndex: 'note', render: (v) => v ?? '—' },
                  { title: t('roster.actor'), dataIndex: 'actor', width: 100 },
                  {
                    title: t('policy.recordedAt'),
                    dataIndex: 'recordedAt',
                    width: 160,
                    render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
                  },
                ]}
              />
            </Card>
          </>
        )}
      </QueryState>
    </Space>
  );
}
