/**
 * Dial under test: `dial serve` from the workspace sources, started by the
 * benchmark as a child process with an IPC channel.
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

const code = await main(['serve']);
if (code !== undefined) {
  process.exitCode = code;
  process.off('disconnect', orphaned);
  process.disconnect?.();
}
