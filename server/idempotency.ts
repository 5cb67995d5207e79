// Idempotency keys: a mutation sent with an `Idempotency-Key` header (by a signed-in account)
// runs once; the same request again — a retry after a lost reply — gets the first answer instead
// of a second effect (or ILLEGAL_TRANSITION for a step already taken). The same key with a
// different request is refused with CONFLICT; a key whose request is still running, too — until
// it has been pending longer than any request may run (a server killed midway leaves it so),
// when the key is free again. An answer holding a secret (an API token) is never kept: a repeat
// answers that the request was already done, without the secret.
import { createHash } from 'node:crypto';
import { type DefinitionNode, type ExecutionResult, Kind, print } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { MessageKey } from '../domain/messages.ts';
import type { Context } from './context.ts';
import { db } from './db/client.ts';
import { refusalError } from './errors.ts';

const PENDING = '';
/** What a repeat of a request whose answer held a secret gets instead of that answer. */
const SECRET_KEPT_BACK = '{"secretKeptBack":true}';
const KEY = /^[\x21-\x7e]{1,128}$/;
/**
 * A pending key older than this belongs to a request that can no longer finish (the HTTP server
 * gives up on a request after 60 s): it is taken over, and swept.
 */
export const PENDING_EXPIRES_MS = 2 * 60_000;
/** Fields whose values are secrets shown once (createApiToken's token). */
const SECRET_FIELDS = new Set(['token']);

function holdsSecret(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsSecret);
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).some(
      ([k, v]) => (SECRET_FIELDS.has(k) && typeof v === 'string') || holdsSecret(v),
    );
  return false;
}

const conflict = (key: MessageKey): ExecutionResult => ({
  data: null,
  errors: [refusalError('CONFLICT', key)],
});

const CLAIMED = 'claimed' as const;
let lastSweep = 0;

/**
 * Claims a key for a request (a pending row), or answers the row that holds it (null: it was
 * removed meanwhile). A row left pending before `stale` by a request that can no longer finish
 * is taken over.
 */
async function claim(userId: number, key: string, requestHash: string, stale: Date) {
  const create = (): Promise<typeof CLAIMED | null> =>
    db.idempotentRequest.create({ data: { userId, key, requestHash, response: PENDING } }).then(
      () => CLAIMED,
      () => null,
    );
  const held = () => db.idempotentRequest.findUnique({ where: { userId_key: { userId, key } } });
  if ((await create()) === CLAIMED) return CLAIMED;
  const earlier = await held();
  if (earlier?.response !== PENDING || earlier.createdAt >= stale) return earlier;
  const { count } = await db.idempotentRequest.deleteMany({
    where: { userId, key, response: PENDING, createdAt: earlier.createdAt },
  });
  return (count === 1 && (await create())) || held();
}

export function useIdempotencyKeys(): Plugin<Context> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as Context & { request?: Request };
      const key = ctx.request?.headers.get('idempotency-key');
      const userId = ctx.viewer.userId;
      if (!key || userId === null) return;
      const mutation = args.document.definitions.some(
        (d: DefinitionNode) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation',
      );
      if (!mutation) return;
      if (!KEY.test(key)) {
        setResultAndStopExecution({
          data: null,
          errors: [refusalError('BAD_USER_INPUT', 'idempotency.badKey')],
        });
        return;
      }
      const requestHash = createHash('sha256')
        .update(JSON.stringify([print(args.document), args.operationName ?? null, args.variableValues ?? {}]))
        .digest('hex');
      const stale = new Date(Date.now() - PENDING_EXPIRES_MS);
      // Keys left pending by requests that can no longer finish are swept, anyone's, at most once
      // per expiry period and process (not on every keyed request: the sweep reads the table).
      if (Date.now() - lastSweep > PENDING_EXPIRES_MS) {
        lastSweep = Date.now();
        await db.idempotentRequest.deleteMany({ where: { response: PENDING, createdAt: { lt: stale } } });
      }
      const earlier = await claim(userId, key, requestHash, stale);
      if (earlier !== CLAIMED) {
        if (!earlier) return setResultAndStopExecution(conflict('idempotency.inUse'));
        if (earlier.requestHash !== requestHash) return setResultAndStopExecution(conflict('idempotency.otherRequest'));
        if (earlier.response === PENDING) return setResultAndStopExecution(conflict('idempotency.running'));
        if (earlier.response === SECRET_KEPT_BACK)
          return setResultAndStopExecution({
            data: null,
            errors: [refusalError('CONFLICT', 'idempotency.secretShown', {}, { alreadyDone: true })],
          });
        return setResultAndStopExecution(JSON.parse(earlier.response) as ExecutionResult);
      }
      return {
        async onExecuteDone({ result }) {
          const single = result as ExecutionResult;
          // Only a full success is kept; a refused request changed nothing and may be retried as new.
          if (single.errors?.length || single.data == null)
            await db.idempotentRequest.delete({ where: { userId_key: { userId, key } } }).catch(() => {});
          else
            await db.idempotentRequest.update({
              where: { userId_key: { userId, key } },
              data: { response: holdsSecret(single.data) ? SECRET_KEPT_BACK : JSON.stringify({ data: single.data }) },
            });
        },
      };
    },
  };
}
