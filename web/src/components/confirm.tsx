// Every step that changes an entry's state is confirmed before it is sent: a dialog says what
// will change (from → to), on which date, by whom, and waits for 确认 — Enter in a form never
// sends it, and the dialog's default button is 取消 (focused first), so one key cannot slip.
import { App, Descriptions, Typography } from 'antd';
import { createContext, type KeyboardEvent, type ReactNode, useCallback, useContext, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ViewerContext } from '../viewer.ts';

export interface Change {
  /** What is changed, e.g. the entry "张三（R0001）". */
  subject: string;
  /** What the step is, e.g. "状态变更". */
  action: string;
  /** The facts shown, in order: label and value (from → to, date, reason…). */
  facts: [string, ReactNode][];
}

/** `confirm(change)`: the confirmation dialog; resolves true only when the user confirms. */
export function useConfirm(): (change: Change) => Promise<boolean> {
  const { t } = useTranslation();
  const viewer = useContext(ViewerContext);
  // The application's dialog host (AntApp in App.tsx): a dialog outlives the form that opened it
  // re-rendering or unmounting after the change it confirmed.
  const { modal } = App.useApp();
  // One dialog at a time: a second request while one is open gets the same answer.
  const pending = useRef<Promise<boolean> | null>(null);
  const confirm = (change: Change) => {
    if (pending.current) return pending.current;
    const answer = new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('confirm.title', { action: change.action }),
        width: 560,
        content: (
          <>
            <Typography.Paragraph>{t('confirm.intro', { subject: change.subject })}</Typography.Paragraph>
            <Descriptions size="small" column={1} bordered>
              {change.facts.map(([label, value]) => (
                <Descriptions.Item key={label} label={label}>
                  {value}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label={t('confirm.by')}>{viewer?.username ?? '—'}</Descriptions.Item>
            </Descriptions>
          </>
        ),
        okText: t('confirm.ok'),
        cancelText: t('confirm.cancel'),
        // The safe answer is the default one: Enter or Esc on the dialog cancels.
        autoFocusButton: 'cancel',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
    pending.current = answer;
    void answer.then(() => {
      pending.current = null;
    });
    return answer;
  };
  return confirm;
}

/** Forms inside a drawer say whether they hold unsaved input (`useDirty`); the drawer asks before it discards it. */
export const DirtyContext = createContext<((key: string, dirty: boolean) => void) | null>(null);

/** Reports this form's unsaved input to the enclosing drawer while it lasts. */
export function useDirty(key: string, dirty: boolean): void {
  const report = useContext(DirtyContext);
  useEffect(() => {
    report?.(key, dirty);
    return () => report?.(key, false);
  }, [report, key, dirty]);
}

/**
 * For a drawer holding forms: the context value its forms report to, and a `close()` that asks
 * before discarding unsaved input (Esc never closes the drawer: it closes the innermost layer).
 */
export function useGuardedClose(onClose: () => void): {
  report: (key: string, dirty: boolean) => void;
  close: () => void;
} {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const dirty = useRef(new Set<string>());
  const report = useCallback((key: string, isDirty: boolean) => {
    if (isDirty) dirty.current.add(key);
    else dirty.current.delete(key);
  }, []);
  const close = () => {
    if (dirty.current.size === 0) return onClose();
    modal.confirm({
      title: t('confirm.discardTitle'),
      content: t('confirm.discardText'),
      okText: t('confirm.discard'),
      cancelText: t('confirm.keepEditing'),
      autoFocusButton: 'cancel',
      onOk: () => {
        dirty.current.clear();
        onClose();
      },
    });
  };
  return { report, close };
}

/**
 * A form's onKeyDown: Enter in a field never submits the form (it still adds a tag in a tag
 * select, or picks a date: those handle it before it bubbles here). Only the form's button does.
 */
export function noEnterSubmit(e: KeyboardEvent<HTMLElement>): void {
  if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
}
