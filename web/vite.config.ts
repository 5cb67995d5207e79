// The dashboard's build (web/dist, served by the server at /) and its development server
// (`npm run dev`: hot reload, /graphql proxied to the API on port 4000). The build also registers
// every operation of src/api/operations.ts and src/api/procedure.ts as a persisted operation (web/persisted-operations.json,
// hash → text): in production a browser session may run only these.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { DocumentNode } from 'graphql';
import { formatDocument, stringifyDocument } from 'urql';
import { defineConfig, type Plugin } from 'vite';
import * as operations from './src/api/operations.ts';
import * as procedure from './src/api/procedure.ts';

/**
 * The text the client's persisted exchange hashes and the server looks up, by SHA-256: the document
 * as Graphcache sends it (with __typename added).
 */
export function persistedOperations(): Record<string, string> {
  const store: Record<string, string> = {};
  for (const document of [...Object.values(operations), ...Object.values(procedure)] as DocumentNode[]) {
    if (!document.definitions.some((d) => d.kind === 'OperationDefinition')) continue; // a fragment
    const text = stringifyDocument(formatDocument(document));
    store[createHash('sha256').update(text).digest('hex')] = text;
  }
  return store;
}

const registerOperations = (): Plugin => ({
  name: 'persisted-operations',
  apply: 'build',
  closeBundle() {
    const file = path.join(import.meta.dirname, 'persisted-operations.json');
    fs.writeFileSync(file, `${JSON.stringify(persistedOperations(), null, 1)}\n`);
  },
});

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), registerOperations()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: { '/graphql': `http://127.0.0.1:${process.env.API_PORT ?? 4000}` },
    // The dashboard imports the domain's enum lists from ../domain.
    fs: { allow: [path.resolve(import.meta.dirname, '..')] },
  },
});
