/**
 * The server under test: `dial serve` from the workspace sources, started by
 * the benchmark as a child process with an IPC channel.
 */
import { main } from '@dial/cli';

// If the benchmark dies without stopping us, its channel closes: leave too.
const orphaned = () => process.kill(process.pid, 'SIGTERM');
process.on('disconnect', orphaned);

const code = await main(['serve']);
if (code !== undefined) {
  process.exitCode = code;
  // The channel would keep a server that failed to start alive.
  process.off('disconnect', orphaned);
  process.disconnect?.();
}
