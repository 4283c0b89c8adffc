import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { routeNotFound } from './errors.js';
import type { App } from './http.js';

/** The console's build in the repository, beside this package: `packages/console/dist`. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../../console/dist/', import.meta.url));

/**
 * Serves the web console's built files at `/`, when the build exists. Any
 * other GET outside `/api` answers the console's index.html, so the
 * console's own routes survive a reload; `/api` keeps its JSON 404s.
 *
 * @example
 * await app.register(consoleFiles(CONSOLE_DIR)); // after `npm run build`
 */
export function consoleFiles(dir: string) {
  return async (app: App): Promise<void> => {
    if (!existsSync(`${dir}/index.html`)) {
      app.log.debug({ dir }, 'no console build: the console is not served');
      return;
    }
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      wildcard: false,
      index: false,
      cacheControl: false,
      // Built asset names carry their content hash: they never change.
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (path === '/api' || path.startsWith('/api/')) return reply.status(404).send(routeNotFound(request.method, path).toBody());
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  };
}
