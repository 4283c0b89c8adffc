import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The console builds into static files (dist/) that the server serves at `/`.
 * `@dial/core` is bundled from its TypeScript source, like every workspace
 * package inside the repository. `npm run dev` proxies the API to a local server.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { conditions: ['dial-source', 'module', 'browser', 'development|production'] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': 'http://localhost:4242' } },
});
