// Every committed write announces itself here, so that derived copies (the DuckDB analytics
// copy) can refresh before the next query reads them.
type Listener = (change: { entity: string }) => Promise<void> | void;

const listeners = new Set<Listener>();

export function onWrite(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function announceWrite(entity: string): Promise<void> {
  for (const listener of listeners) await listener({ entity });
}
