import type { FlagListItem } from '../../api/types';

/** A temporary flag left alone this long, fully rolled out or off everywhere, is due for removal. */
export const STALE_AFTER_DAYS = 30;

/**
 * Whether a flag is stale: temporary, unchanged for 30 days (its metadata
 * and every environment), and in every environment either off or serving
 * one variant to everyone.
 *
 * @example
 * isStale(flag, Date.now()) // true → show the "stale" badge
 */
export function isStale(flag: Pick<FlagListItem, 'lifetime' | 'updatedAt' | 'environments' | 'archived'>, now: number): boolean {
  if (flag.lifetime !== 'temporary' || flag.archived) return false;
  const cutoff = now - STALE_AFTER_DAYS * 24 * 60 * 60 * 1000;
  const configs = Object.values(flag.environments);
  const dates = [flag.updatedAt, ...configs.map((config) => config.updatedAt)];
  if (dates.some((date) => Date.parse(date) > cutoff)) return false;
  return configs.every((config) => !config.enabled || config.servesOne !== null);
}
