// Every committed write announces itself here, so that derived copies (the DuckDB analytics
// copy) can refresh before the next query reads them.
/** What changed: an entity, and the keys of the records when only a few changed. */
export interface Change {
  entity: string;
  keys?: string[];
}

type Listener = (change: Change) => Promise<void> | void;

const listeners = new Set<Listener>();

export function onWrite(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function announceWrite(entity: string, keys?: string[]): Promise<void> {
  for (const listener of listeners) await listener(keys ? { entity, keys } : { entity });
}
