/**
 * The server under test: `dial serve` from the workspace sources, started by
 * the benchmark as a child process with an IPC channel.
 */
import { rmSync } from 'node:fs';
import { main } from '@dial/cli';

// If the benchmark dies without stopping us, its channel closes: leave too,
// and take the temporary data folder it can no longer remove.
const orphaned = () => {
  const folder = process.env.DIAL_BENCH_TEMP_DATA_DIR;
  if (folder !== undefined) process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  process.kill(process.pid, 'SIGTERM');
};
process.on('disconnect', orphaned);

// Memory is read after a full collection, so garbage not yet collected does not count as held per connection.
process.on('message', (message) => {
  if (message !== 'memory') return;
  globalThis.gc?.();
  process.send?.({ memory: process.memoryUsage() });
});

const code = await main(['serve']);
if (code !== undefined) {
  process.exitCode = code;
  // The channel would keep a server that failed to start alive.
  process.off('disconnect', orphaned);
  process.disconnect?.();
}
