import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ServerOptions {
  readonly adminToken: string;
  /** The benchmark's own database on a real PostgreSQL server. */
  readonly databaseUrl: string;
  readonly startTimeoutMs: number;
  /** More environment variables for the server, such as `DIAL_ANALYTICS_REFRESH_SECONDS`. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Milliseconds of CPU, in user space and in the kernel. */
export interface CpuTime {
  readonly user: number;
  readonly system: number;
}

export interface ServerProcess {
  /** Base URL, such as `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly pid: number;
  /** CPU time the process has used so far, from /proc. */
  cpu(): CpuTime;
  /** The last 20 kB the server printed since it started listening: its warnings and errors, at log level warn. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./serve.ts', import.meta.url));
const READY = /Dial is running at (http:\/\/\S+)/;
const BANNER = /^(Dial is running at|API reference:)/;

/** /proc reports CPU time in USER_HZ ticks, 100 a second on every Linux ABI Node runs on. */
const TICK_MS = 10;

/** CPU time a Linux process has used. */
export function cpuOf(pid: number): CpuTime {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name, in parentheses, may hold spaces: count fields after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11]) * TICK_MS, system: Number(fields[12]) * TICK_MS };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `dial serve` from the workspace sources on 127.0.0.1 and a port the
 * system picks, on the given database, and resolves once it prints its URL.
 */
export function startServer(options: ServerOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DIAL_HOST: '127.0.0.1',
    DIAL_PORT: '0',
    DIAL_LOG_LEVEL: 'warn',
    DIAL_ADMIN_TOKEN: options.adminToken,
    DATABASE_URL: options.databaseUrl,
    ...options.env,
  };
  const child = spawn(process.execPath, ['--conditions=dial-source', '--import', 'tsx', ENTRY], {
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
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
      reject(new Error(`the server did not start within ${options.startTimeoutMs} ms:\n${output}`));
    }, options.startTimeoutMs);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`));
    };
    child.once('exit', onExit);
    let ready = false;
    child.stdout?.on('data', () => {
      const match = ready ? null : READY.exec(output);
      if (match?.[1] === undefined || child.pid === undefined) return;
      ready = true;
      clearTimeout(timer);
      child.off('exit', onExit);
      const pid = child.pid;
      const said = () => output.split('\n').filter((line) => line.trim() !== '' && !BANNER.test(line)).join('\n');
      resolve({ url: match[1], pid, cpu: () => cpuOf(pid), output: said, stop });
    });
  });
}
