/** The `dial` command run from source, for tests that start it as a child process. */
import { main } from './main.js';

const code = await main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
