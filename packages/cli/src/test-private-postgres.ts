/**
 * A PostgreSQL cluster of a test's own, from the server binaries Debian's
 * `postgresql` package installs: in a temporary folder, on a loopback port,
 * with its socket in that folder. A test may crash and restart it without
 * disturbing anyone else's database. Run as the `postgres` user when the test
 * runs as root, since PostgreSQL refuses to run as root.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PrivatePostgres {
  readonly port: number;
  /** The folder holding the cluster's data, socket and log. */
  readonly dir: string;
  /** Whether the server runs: started and not crashed since. */
  readonly running: boolean;
  /** The connection string of database `name` (default `postgres`), as the superuser, over TCP. */
  url(name?: string): string;
  /** Stops the server the way a crash does (`pg_ctl stop -m immediate`): no checkpoint; the next start recovers from the WAL. */
  crash(): Promise<void>;
  /** Starts the server again on the same port and data. */
  start(): Promise<void>;
  /** Stops the server if it runs and removes its folder. */
  destroy(): Promise<void>;
}

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The `bin` folder of the newest PostgreSQL under `root` that has initdb and pg_ctl; throws saying what to install when there is none. */
export function postgresBinaries(root = DEBIAN_ROOT): string {
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const usable = versions
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(root, version, 'bin'))
    .filter((bin) => existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl')));
  if (usable.length === 0) {
    throw new Error(`No PostgreSQL server binaries (initdb, pg_ctl) under ${root}/<version>/bin: install Debian's postgresql package (apt-get install postgresql)`);
  }
  return usable[0]!;
}

/**
 * Creates and starts a cluster: trust authentication for `postgres` on
 * 127.0.0.1 only. `fsync` is off because the tests crash the server, never
 * the machine: what a commit wrote to the WAL is in the operating system's
 * cache and survives, as it does on a real crash of PostgreSQL alone.
 *
 * @example
 * const cluster = await startPrivatePostgres();
 * try { await useDatabaseAt(cluster.url()); await cluster.crash(); await cluster.start(); }
 * finally { await cluster.destroy(); }
 */
export async function startPrivatePostgres(bin = postgresBinaries()): Promise<PrivatePostgres> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'dial-pg-'));
  const data = path.join(dir, 'data');
  let running = false;
  const run = (tool: string, args: string[]) => runAs(asRoot ? 'postgres' : undefined, path.join(bin, tool), args, dir);
  const startOn = async (port: number) => {
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`;
    await run('pg_ctl', ['start', '-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '30', '-o', options]);
    running = true;
  };
  const stopNow = async () => {
    await run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30']);
    running = false;
  };
  const destroy = async () => {
    if (running) await stopNow().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    if (asRoot) chownSync(dir, postgresId('-u'), postgresId('-g'));
    await run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await startOnFreePort(startOn);
    return {
      port,
      dir,
      get running() {
        return running;
      },
      url: (name = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${name}`,
      crash: stopNow,
      start: () => startOn(port),
      destroy,
    };
  } catch (error) {
    const log = path.join(dir, 'server.log');
    const detail = existsSync(log) ? `\n${readFileSync(log, 'utf8')}` : '';
    await destroy();
    throw new Error(`${(error as Error).message}${detail}`, { cause: error });
  }
}

/**
 * A port below Linux's ephemeral range (32768 and up), so that no outgoing
 * connection takes it while the server is down between a crash and a start.
 */
async function startOnFreePort(startOn: (port: number) => Promise<void>): Promise<number> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 10; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!(await isFree(port))) continue;
    try {
      await startOn(port);
      return port;
    } catch (error) {
      // Taken between the check and the start: try another.
      lastError = error;
    }
  }
  throw lastError ?? new Error('No free port found for PostgreSQL');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function postgresId(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
}

/** Runs `command` (as `user` through runuser when given) in `cwd`; rejects with its output when it fails. */
function runAs(user: string | undefined, command: string, args: string[], cwd: string): Promise<void> {
  const [file, argv] = user === undefined ? [command, args] : ['runuser', ['-u', user, '--', command, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    // Success on 'exit', not 'close': the server pg_ctl starts lives on and could hold inherited pipes.
    child.once('exit', (code) => code === 0 && resolve());
    child.once('close', (code, signal) => {
      if (code !== 0) reject(new Error(`${path.basename(command)} ${args.join(' ')} failed (${code ?? signal}): ${output.trim()}`));
    });
  });
}
