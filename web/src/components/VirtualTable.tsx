// A table that scrolls through tens of thousands of rows at 60 frames a second: only the rows in
// view are in the page (@tanstack/react-virtual), and a row already drawn is never drawn again
// while scrolling (memoised by its record). Ant Design's virtual table re-renders every visible
// row on each scrolled frame, which missed the frame budget (docs/decisions/019).
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, type ReactNode, useEffect, useRef } from 'react';

export interface Column<T> {
  key: string;
  title: string;
  width: number;
  align?: 'right';
  render: (row: T) => ReactNode;
}

interface RowProps<T> {
  row: T;
  index: number;
  start: number;
  height: number;
  columns: Column<T>[];
  template: string;
}

function RowView<T>({ row, index, start, height, columns, template }: RowProps<T>) {
  return (
    <tr
      aria-rowindex={index + 2}
      className="vt-row"
      style={{ gridTemplateColumns: template, height, transform: `translateY(${start}px)` }}
    >
      {columns.map((c) => (
        <td key={c.key} className="vt-cell" style={c.align ? { textAlign: c.align } : undefined}>
          {c.render(row)}
        </td>
      ))}
    </tr>
  );
}
const Row = memo(RowView) as typeof RowView;

export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  label,
  height,
  rowHeight = 40,
  ahead = 300,
  onNearEnd,
  testId,
  resetKey,
}: {
  rows: T[];
  /** Keep the array stable (useMemo): a new one redraws every row. */
  columns: Column<T>[];
  rowKey: (row: T) => string;
  label: string;
  height: number;
  rowHeight?: number;
  /** Call onNearEnd when fewer than this many rows are left below the view. */
  ahead?: number;
  onNearEnd?: () => void;
  testId?: string;
  /** When it changes (a new filter or order), the view goes back to the first row. */
  resetKey?: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is the trigger, not an input
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resetKey]);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (lastIndex >= rows.length - ahead) onNearEnd?.();
  }, [lastIndex, rows.length, ahead, onNearEnd]);
  const template = columns.map((c) => `${c.width}px`).join(' ');
  const width = columns.reduce((s, c) => s + c.width, 0);
  return (
    // The scrolling region takes the keyboard focus: arrow keys and Page Up/Down scroll it (a
    // scrollable region must be focusable for keyboard users).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
    <section ref={scroller} aria-label={label} tabIndex={0} className="vt" data-testid={testId} style={{ height }}>
      <table aria-rowcount={rows.length + 1} style={{ width }}>
        <thead className="vt-head">
          <tr aria-rowindex={1} className="vt-head-row" style={{ gridTemplateColumns: template }}>
            {columns.map((c) => (
              <th key={c.key} className="vt-cell" style={c.align ? { textAlign: c.align } : undefined}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => {
            const row = rows[v.index]!;
            return (
              <Row
                key={rowKey(row)}
                row={row}
                index={v.index}
                start={v.start}
                height={rowHeight}
                columns={columns}
                template={template}
              />
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
