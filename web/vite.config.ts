// The dashboard's build (web/dist, served by the server at /) and its development server
// (`npm run dev`: hot reload, /graphql proxied to the API on port 4000).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/graphql': `http://127.0.0.1:${process.env.API_PORT ?? 4000}` } },
});
