import { openPostgres } from '/work/main/packages/server/src/platform/db.ts';
import { buildPaths, refreshPaths } from '/work/main/packages/server/src/journeys/journey-paths.ts';
import { pathFunnelTallies } from '/work/main/packages/server/src/journeys/path-funnel-query.ts';
import { funnelTallies } from '/work/main/packages/server/src/journeys/funnel-query.ts';
const db = openPostgres('postgres://postgres@127.0.0.1:5432/funnelexp');
const journey = { key: 'checkout', conversionWindowSeconds: 604800, steps: ['view_product', 'add_to_cart', 'checkout', 'purchase'].map((event) => ({ event, label: event, filters: [] })) };
const key = { journeyId: 1, environmentId: 1 };
if (process.argv[2] === 'build') {
  await db.query(`UPDATE journeys SET steps = $1 WHERE id = 1`, [JSON.stringify(journey.steps)]);
  let t = performance.now();
  console.log('built', await buildPaths(db, key, journey), Math.round(performance.now() - t), 'ms');
  await db.query('VACUUM ANALYZE journey_paths');
}
const range = { fromMicros: Date.parse('2026-10-20') * 1000, toMicros: Date.parse('2026-11-20') * 1000 };
for (const breakdown of [null, { kind: 'flag', key: 'new-checkout' }] as const) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await refreshPaths(db, key, journey);
    const tallies = await pathFunnelTallies(db, { journeyId: 1, environmentId: 1, journey, range, breakdown, breakdownLimit: 5 });
    times.push(Math.round(performance.now() - t));
    if (i === 0) console.log(JSON.stringify(tallies.map((x) => [x.value, x.steps.map((s) => s.units)])));
  }
  console.log(breakdown?.kind ?? 'none', times);
}
await db.close();
