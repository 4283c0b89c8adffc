import { ConfigError, VERSION, loadConfig, startServer } from '@dial/server';

const HELP = `dial ${VERSION}: feature flags, rollouts, journeys, experiments and error budgets

Usage:
  dial serve      start the server (the default)
  dial demo       fill a running Dial with a demo shop: flags, a segment, the checkout
                  journey, and two weeks of simulated shoppers, then live ones
                  (dial demo --help for its options)
  dial version    print the version
  dial help       print this help

Configuration, from environment variables:
  DIAL_PORT         port to listen on (default 4242)
  DIAL_HOST         address to bind (default 0.0.0.0)
  DATABASE_URL      PostgreSQL connection string; without it Dial uses an embedded database
  DIAL_DATA_DIR     where the embedded database lives (default ./.dial)
  DIAL_LOG_LEVEL    fatal, error, warn, info, debug, trace or silent (default info)
  DIAL_ADMIN_TOKEN  an admin token to install on start (at least 24 characters)
  DIAL_CLIENT_RATE_LIMIT
                    requests a second per visitor and client key on /sdk/evaluate, and
                    apart from those on /events, as <perSecond> or <perSecond>:<burst>
                    (default 50:100; per server process)
  DIAL_TRUST_PROXY  whose X-Forwarded-For gives the visitor's address: true, a number of
                    hops, or addresses such as 10.0.0.1,10.1.0.0/16 (default false)
  DIAL_EVENT_QUEUE_LIMIT
                    event rows waiting to be written before POST /events answers 503
                    (default 50000)
  DIAL_RETENTION_INTERVAL_SECONDS
                    seconds between runs of the job deleting events older than their
                    project's eventRetentionDays (default 3600, at most a week)
`;

/** How long SIGTERM waits for in-flight requests; orchestrators usually allow 30 s. */
const SHUTDOWN_GRACE_MS = 25_000;

async function serve(): Promise<void> {
  const config = loadConfig(process.env, process.cwd());
  const server = await startServer(config, process.stdout);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second signal means the operator will not wait for stuck clients.
      server.app.log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    server.app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // A client that stalls mid-request must not hold the process forever.
    setTimeout(() => {
      server.app.log.error({ graceMs: SHUTDOWN_GRACE_MS }, 'requests still in flight after the grace period; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Runs the `dial` command with its arguments; resolves to the exit code, or never for `serve`. */
export async function main(args: readonly string[]): Promise<number | undefined> {
  const command = args[0] ?? 'serve';
  switch (command) {
    case 'serve':
      try {
        await serve();
        return undefined;
      } catch (error) {
        if (error instanceof ConfigError) {
          process.stderr.write(`dial: ${error.message}\n`);
          return 2;
        }
        process.stderr.write(`dial: could not start: ${(error as Error).message}\n`);
        return 1;
      }
    case 'demo': {
      // Loaded only when asked for: the SDK and the simulation would slow every other command's start.
      const { demoCommand } = await import('./demo/demo-command.js');
      return demoCommand(args.slice(1));
    }
    case 'version':
    case '--version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return 0;
    default:
      process.stderr.write(`dial: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}
