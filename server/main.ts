// npm start: migrate, load the demo into an empty database, serve.
import { createServer } from 'node:http';
import { databaseConfig } from './db/config.ts';
import { migrate } from './db/migrations.ts';

const config = databaseConfig();
// Migrate before anything opens the database: the schema engine wants the SQLite file to itself.
const applied = await migrate(config);
console.log(applied.length ? `migrated: ${applied.join(', ')}` : 'database schema is up to date');

const { db } = await import('./db/client.ts');
const { ensureAdministrator, loadDemoIfEmpty } = await import('./startup.ts');
const { handle, markReady } = await import('./yoga.ts');

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';

const server = createServer(async (req, res) => {
  try {
    const url = `http://${req.headers.host ?? `${host}:${port}`}${req.url ?? '/'}`;
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(await readBody(req));
    const response = await handle(new Request(url, { method: req.method, headers: req.headers as HeadersInit, body }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    console.error(error);
    res.writeHead(500).end('Internal error');
  }
});

server.listen(port, host, () => console.log(`serving on http://${host}:${port} (GraphQL at /graphql)`));
console.log(await loadDemoIfEmpty(db, config));
console.log(await ensureAdministrator(db));
// Ready means the analytical copy is loaded too: the first dashboard query must not wait for it.
const { analytics } = await import('./analytics.ts');
const copy = await analytics();
console.log(`analytics copy loaded in ${(copy.lastLoadMs / 1000).toFixed(1)} s`);
markReady();
console.log('ready');

async function readBody(req: import('node:http').IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void db.$disconnect().finally(() => process.exit(0));
  });
}
