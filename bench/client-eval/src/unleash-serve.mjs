/**
 * Unleash under test: `unleash-server` from this benchmark's own
 * node_modules, on a database of the local PostgreSQL made for the run,
 * with an admin token and a frontend token for the `development`
 * environment installed at start. Started by the benchmark as a child
 * process; prints its URL once listening. Plain JavaScript run by plain
 * Node, as Unleash runs in production: no loader in between.
 */
import { start } from 'unleash-server';

const env = (name) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const port = Number(env('BENCH_UNLEASH_PORT'));
const unleash = await start({
  db: { ...JSON.parse(env('BENCH_UNLEASH_DB')), ssl: false },
  server: { port, host: '127.0.0.1', gracefulShutdownEnable: false },
  versionCheck: { enable: false },
  telemetry: false,
  authentication: {
    initApiTokens: [
      { environment: '*', project: '*', secret: env('BENCH_UNLEASH_ADMIN_TOKEN'), type: 'admin', tokenName: 'bench-admin' },
      { environment: 'development', project: 'default', secret: env('BENCH_UNLEASH_FRONTEND_TOKEN'), type: 'frontend', tokenName: 'bench-frontend' },
    ],
  },
});
process.stdout.write(`Unleash is running at http://127.0.0.1:${port}\n`);

const stop = () => {
  unleash.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Orphaned by a benchmark that died: stop too.
process.on('disconnect', stop);
