/**
 * The two servers under test, each a child process on 127.0.0.1: Dial
 * (`dial serve` from the workspace sources) and Unleash (`unleash-server`
 * from this benchmark's own node_modules), with the CPU time each has used.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

/** /proc counts CPU time in USER_HZ ticks, 100 a second on every Linux ABI Node runs on. */
const TICK_MS = 10;

/** Milliseconds of CPU a Linux process has used, user and system together. */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name, in parentheses, may hold spaces: count fields after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  cpuMs(): number;
  /** The last 20 kB it printed. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Spawns `node` with `args` and resolves once its output matches `ready`
 * (the first group is the URL), or rejects with what it printed.
 */
function startProcess(name: string, args: readonly string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs: number, cwd?: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async (graceMs = 10_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited(child);
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop(1000);
      reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before listening:\n${output}`));
    };
    child.once('exit', onExit);
    let started = false;
    const check = () => {
      const match = started ? null : ready.exec(output);
      if (match?.[1] === undefined || child.pid === undefined) return;
      started = true;
      clearTimeout(timer);
      child.off('exit', onExit);
      const pid = child.pid;
      resolve({ name, url: match[1], pid, cpuMs: () => cpuMsOf(pid), output: () => output, stop });
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
  });
}

const DIAL_ENTRY = fileURLToPath(new URL('./dial-serve.ts', import.meta.url));
const UNLEASH_ENTRY = fileURLToPath(new URL('./unleash-serve.mjs', import.meta.url));

/** `dial serve` on the embedded database in `dataDir`, or on `databaseUrl`. */
export function startDial(options: {
  adminToken: string;
  dataDir: string;
  databaseUrl: string | undefined;
  rateLimit: string;
  /** Extra `node` flags, such as `--cpu-prof`. */
  nodeFlags?: readonly string[];
}): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DIAL_HOST: '127.0.0.1',
    DIAL_PORT: '0',
    DIAL_DATA_DIR: options.dataDir,
    DIAL_LOG_LEVEL: 'warn',
    DIAL_ADMIN_TOKEN: options.adminToken,
    DIAL_CLIENT_RATE_LIMIT: options.rateLimit,
  };
  if (options.databaseUrl === undefined) {
    delete env.DATABASE_URL;
    env.DIAL_BENCH_TEMP_DATA_DIR = options.dataDir;
  } else env.DATABASE_URL = options.databaseUrl;
  return startProcess('Dial', [...(options.nodeFlags ?? []), '--conditions=dial-source', '--import', 'tsx', DIAL_ENTRY], env, /Dial is running at (http:\/\/\S+)/, 60_000);
}

/** Unleash on its own database of the local PostgreSQL, with an admin and a frontend token it installs at start. */
export async function startUnleash(options: {
  database: { host: string; port: number; user: string; password: string; database: string };
  adminToken: string;
  frontendToken: string;
}): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BENCH_UNLEASH_PORT: String(port),
    BENCH_UNLEASH_DB: JSON.stringify(options.database),
    BENCH_UNLEASH_ADMIN_TOKEN: options.adminToken,
    BENCH_UNLEASH_FRONTEND_TOKEN: options.frontendToken,
    // Nothing leaves the machine: no version check, no telemetry.
    CHECK_VERSION: 'false',
    SEND_TELEMETRY: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  return startProcess('Unleash', [UNLEASH_ENTRY], env, /Unleash is running at (http:\/\/\S+)/, 120_000);
}
