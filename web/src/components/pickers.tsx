// Pickers instead of codes: a person by name (told apart from namesakes by unit, age and post),
// a unit by name (shown with its place in the tree). Both ask the server as the user types
// (debounced) and keep the chosen one's label, so the form shows a name, never a bare code.
import { Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import type { ResultOf } from '../api/graphql.ts';
import { ENTRY_SEARCH, PERSON_SEARCH, UNIT_SEARCH } from '../api/operations.ts';

/** A unit's name with the units above it in the viewer's scope: 示范市·某县·教育局. */
export function unitPath(u: { name: string; ancestors?: { name: string }[] | null }): string {
  return [...(u.ancestors ?? []).map((a) => a.name), u.name].join('·');
}

type Person = ResultOf<typeof PERSON_SEARCH>['people']['edges'][number]['node'];
type Unit = ResultOf<typeof UNIT_SEARCH>['units']['edges'][number]['node'];
export type EntryChoice = ResultOf<typeof ENTRY_SEARCH>['reserves']['edges'][number]['node'];

/** Results of `search(text)` for the text typed, 300 ms after the last key. */
function useSearch<T>(search: (text: string) => Promise<T[]>): [T[], boolean, (text: string) => void] {
  const [options, setOptions] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef('');
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const onSearch = (text: string) => {
    latest.current = text;
    if (timer.current) clearTimeout(timer.current);
    if (!text.trim()) return setOptions([]);
    timer.current = setTimeout(async () => {
      setLoading(true);
      const found = await search(text.trim());
      if (latest.current === text) setOptions(found);
      setLoading(false);
    }, 300);
  };
  return [options, loading, onSearch];
}

interface PickerProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
}

/**
 * A select that searches the server as the user types: the found items (and the chosen one,
 * kept among the options once the results move on), labelled by `label`, each optionally with a
 * second line (`detail`); `onChosen` hears the chosen item itself.
 */
function SearchPicker<T extends { code: string }>({
  value,
  onChange,
  style,
  search,
  label,
  detail,
  placeholder,
  onChosen,
  initial,
  ...rest
}: PickerProps & {
  search: (text: string) => Promise<T[]>;
  label: (item: T) => string;
  detail?: (item: T) => string;
  placeholder: string;
  onChosen?: (item: T | null) => void;
  /** The item the value starts as (shown by its label, not its code). */
  initial?: T | null;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<T | null>(initial ?? null);
  const [found, loading, onSearch] = useSearch(search);
  const options = useMemo(() => {
    const list = chosen && !found.some((x) => x.code === chosen.code) ? [chosen, ...found] : found;
    return list.map((item) => ({ value: item.code, label: label(item), item }));
  }, [found, chosen, label]);
  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch }}
      allowClear
      value={value}
      placeholder={placeholder}
      notFoundContent={loading ? t('common.loading') : t('pickers.typeToSearch')}
      style={{ width: 320, ...style }}
      popupMatchSelectWidth={520}
      options={options}
      optionRender={
        detail &&
        ((o) => (
          <Space orientation="vertical" size={0}>
            <span>{o.label}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {detail((o.data as { item: T }).item)}
            </Typography.Text>
          </Space>
        ))
      }
      onChange={(code: string | undefined) => {
        const item = options.find((o) => o.value === code)?.item ?? null;
        setChosen(item);
        onChosen?.(item);
        onChange?.(code);
      }}
    />
  );
}

const personLabel = (p: Person) => `${p.name}（${p.code}）`;
const unitLabel = (u: Unit) => `${unitPath(u)}（${u.code}）`;

export function PersonPicker(props: PickerProps) {
  const { t } = useTranslation();
  const client = useClient();
  const [chosen, setChosen] = useState<Person | null>(null);
  const describe = (p: Person) =>
    [
      p.unit ? unitPath(p.unit) : null,
      t('pickers.age', { age: p.age }),
      p.positionsHeld[0]?.title ?? t(`enum.Rank.${p.rank}`),
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <Space orientation="vertical" size={2}>
      <SearchPicker<Person>
        {...props}
        search={async (search) => {
          const r = await client.query(PERSON_SEARCH, { search }, { requestPolicy: 'network-only' }).toPromise();
          return r.data?.people.edges.map((e) => e.node) ?? [];
        }}
        label={personLabel}
        detail={describe}
        placeholder={t('pickers.personPlaceholder')}
        onChosen={setChosen}
      />
      {chosen && props.value === chosen.code && (
        <Typography.Text type="secondary" data-testid="person-chosen">
          {chosen.name} · {describe(chosen)}
        </Typography.Text>
      )}
    </Space>
  );
}

export function UnitPicker(props: PickerProps) {
  const { t } = useTranslation();
  const client = useClient();
  return (
    <SearchPicker<Unit>
      {...props}
      search={async (search) => {
        const r = await client.query(UNIT_SEARCH, { search }, { requestPolicy: 'network-only' }).toPromise();
        return r.data?.units.edges.map((e) => e.node) ?? [];
      }}
      label={unitLabel}
      placeholder={t('pickers.unitPlaceholder')}
    />
  );
}

/**
 * A reserve entry of a unit's subtree in some statuses, by the person's name or the entry's code:
 * 姓名（单位，状态，编号）.
 */
export function EntryPicker({
  unitCode,
  statuses,
  initial,
  ...props
}: PickerProps & {
  unitCode: string;
  statuses: string[];
  initial?: EntryChoice | null;
  onChosen?: (item: EntryChoice | null) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  return (
    <SearchPicker<EntryChoice>
      {...props}
      initial={initial}
      search={async (search) => {
        const r = await client
          .query(ENTRY_SEARCH, { unitCode, status: statuses as never, search }, { requestPolicy: 'network-only' })
          .toPromise();
        return r.data?.reserves.edges.map((e) => e.node) ?? [];
      }}
      label={(e) => entryLabel(e, t)}
      placeholder={t('pickers.entryPlaceholder')}
    />
  );
}

/** 姓名（单位，状态，编号）. */
export function entryLabel(e: EntryChoice, t: (key: string) => string): string {
  return `${e.person.name}（${e.unit.name}，${t(`enum.ReserveStatus.${e.status}`)}，${e.code}）`;
}
