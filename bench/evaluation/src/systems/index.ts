import type { System } from '../system.js';
import { dialCompiled, dialConvenience } from './dial.js';
import { flagd } from './flagd.js';
import { growthbook } from './growthbook.js';
import { handWritten } from './hand-written.js';
import { launchdarkly } from './launchdarkly.js';
import { unleash } from './unleash.js';

/** Every system in table order: Dial first, the limit next, then the peers. */
export const SYSTEMS: readonly System[] = [dialCompiled, dialConvenience, handWritten, unleash, growthbook, flagd, launchdarkly];

export function systemById(id: string): System {
  const system = SYSTEMS.find((candidate) => candidate.id === id);
  if (system === undefined) throw new Error(`unknown system "${id}"; known: ${SYSTEMS.map((s) => s.id).join(', ')}`);
  return system;
}
