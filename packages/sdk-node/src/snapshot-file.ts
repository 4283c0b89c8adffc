import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Snapshot } from '@dial/core';
import { DialError } from './dial-error.js';
import { parseSnapshot } from './snapshot-changes.js';

/**
 * Reads a snapshot file. A missing file gives undefined (nothing persisted
 * yet); an unreadable or malformed one gives a DialError.
 */
export function readSnapshotFile(file: string): Snapshot | DialError | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return new DialError(`cannot read the snapshot file ${file}: ${(error as Error).message}`, 'file', { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return new DialError(`the snapshot file ${file} is not JSON: ${(error as Error).message}`, 'file', { cause: error });
  }
  return parseSnapshot(parsed) ?? new DialError(`the snapshot file ${file} does not hold a snapshot`, 'file');
}

/**
 * Writes a snapshot so that a reader sees the old file or the new one, never
 * half of one: a temporary file beside it, flushed, then renamed over it.
 *
 * @example
 * await writeSnapshotFile('/var/lib/app/dial-snapshot.json', snapshot);
 */
export async function writeSnapshotFile(file: string, snapshot: Snapshot): Promise<void> {
  const directory = path.dirname(file);
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(directory, { recursive: true });
    const handle = await open(temporary, 'w', 0o644);
    try {
      await handle.writeFile(JSON.stringify(snapshot));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new DialError(`cannot write the snapshot file ${file}: ${(error as Error).message}`, 'file', { cause: error });
  }
}
