/**
 * `dial` as an operator runs it, for tests: a child process started from
 * source, its output collected, with bounded waits for what it prints and
 * for its exit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./test-dial.ts', import.meta.url));

export interface DialProcess {
  child: ChildProcess;
  output(): string;
  errors(): string;
  /** Resolves with the exit code (null when a signal ended it); rejects if the process is still running after `ms`. */
  exited(ms: number): Promise<number | null>;
}

/** Runs `dial <args>` on loopback with only `env` (plus PATH and HOME) for configuration. */
export function spawnDial(args: string[], env: Record<string, string> = {}): DialProcess {
  const child = spawn(process.execPath, ['--conditions=dial-source', '--import', 'tsx', ENTRY, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DIAL_HOST: '127.0.0.1', DIAL_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => stdout,
    errors: () => stderr,
    exited: (ms) => within(ms, exit, () => `dial ${args.join(' ')} still running; output: ${stdout}${stderr}`),
  };
}

/** `promise`, or a rejection naming `what` once `ms` have passed. */
export function within<T>(ms: number, promise: Promise<T>, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what()}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Waits for `pattern` in the output, which may arrive in several pieces. */
export async function printed(server: DialProcess, pattern: RegExp, ms: number): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(server.output());
    if (match) return match;
    if (server.child.exitCode !== null) throw new Error(`dial exited with ${server.child.exitCode}: ${server.errors()}`);
    if (Date.now() > deadline) throw new Error(`dial did not print ${pattern} in ${ms} ms: ${server.output()}${server.errors()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits for `dial serve` to print its URL and where its API reference is. */
export async function started(server: DialProcess, ms: number): Promise<URL> {
  const match = await printed(server, /Dial is running at (http:\/\/\S+) .*\nAPI reference: \S+\n/, ms);
  return new URL(match[1]!);
}
