import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type Breakdown, formatBreakdown, parseBreakdown } from './breakdown';
import { type DayRange, rangeFromSearch, rangeToSearch } from './range';

/**
 * The range and breakdown an analytics page shows, read from and written to
 * its query string (`?days=14&breakdown=flag:new-checkout`), so a view can be
 * shared and the back button undoes a change.
 */
export function useAnalyticsSearch() {
  const [search, setSearch] = useSearchParams();
  // "Today" is the day the page was opened, so the queries stay the same while it is open.
  const [now] = useState(() => Date.now());
  const range = rangeFromSearch(search, now);
  const breakdown = parseBreakdown(search.get('breakdown'));
  return {
    search,
    setSearch,
    range,
    breakdown,
    setRange: (next: DayRange) => setSearch((current) => rangeToSearch(next, current)),
    setBreakdown: (next: Breakdown | null) =>
      setSearch((current) => {
        const updated = new URLSearchParams(current);
        const text = formatBreakdown(next);
        if (text === undefined) updated.delete('breakdown');
        else updated.set('breakdown', text);
        return updated;
      }),
  };
}
