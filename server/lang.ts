// The language of the request being answered (its Accept-Language, domain/messages.ts langOf),
// kept for the whole of its handling so that error formatting deep in yoga can read it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LANG, type Lang, langOf, readStored } from '../domain/messages.ts';

const storage = new AsyncLocalStorage<Lang>();

/** Runs `answer` in the language `request` asks for. */
export function inRequestLang<T>(request: Request, answer: () => Promise<T>): Promise<T> {
  return storage.run(langOf(request.headers.get('accept-language')), answer);
}

/** The current request's language; null outside a request. */
export function currentRequestLang(): Lang | null {
  return storage.getStore() ?? null;
}

/** The current request's language (the default outside a request). */
export function requestLang(): Lang {
  return storage.getStore() ?? DEFAULT_LANG;
}

/** Stored text (a history reason) as the current request reads it: the program's own in its language. */
export function readable(text: string | null): string | null {
  return readStored(text, requestLang());
}
