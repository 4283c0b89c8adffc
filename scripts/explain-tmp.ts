import pg from 'pg';
import { resultsSql } from '../packages/server/src/experiments/results-query.js';
const db = process.argv[2]!;
const settings = process.argv.slice(3);
const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${db}` });
await client.connect();
const { text, values } = resultsSql({
  environmentId: 1, flag: 'new-checkout', variants: ['off', 'on'], start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-03-22T00:00:00Z'),
  metrics: [
    { kind: 'conversion', event: 'purchase', where: [], windowDays: 7 },
    { kind: 'mean', event: 'purchase', where: [], windowDays: 7, property: 'amount' },
    { kind: 'conversion', event: 'signup', where: [{ property: 'plan', op: 'eq', values: ['pro'] }], windowDays: 14 },
    { kind: 'mean', event: 'page_view', where: [], windowDays: 7 },
    { kind: 'mean', event: 'error', where: [{ property: 'amount', op: 'gt', value: 10 }], windowDays: 7 },
  ],
});
for (const s of settings) await client.query(`SET ${s}`);
if (process.env.SHOW) console.log(text, values);
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = await client.query(text, values);
  console.log('run', i, Math.round(performance.now() - t0), 'ms', r.rows.length, 'rows');
}
const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
await client.end();
