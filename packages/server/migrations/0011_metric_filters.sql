-- Metrics filter events as journey steps do: each `where` entry becomes
-- { property, operator, value }, with the operators and meaning of steps'
-- filters. Filters stored in the form before, { property, op, values | value },
-- are rewritten, in their order:
--   eq  with one value       -> eq    that value
--   eq  with several values  -> in    the list
--   neq with one value       -> neq   that value
--   neq with several values  -> notIn the list
--   gt, gte, lt, lte         -> the same operator with the same number
-- Equality stays type-exact and comparisons numeric. One case reads
-- differently: as in journeys, neq and notIn need the property present and
-- not null, where the form before let an event without it pass neq.
-- Filters already in the new form are kept as they are.

UPDATE metrics m
   SET definition = jsonb_set(m.definition, '{where}', (
         SELECT coalesce(jsonb_agg(
                  CASE
                    WHEN w.f ? 'operator' THEN w.f
                    WHEN w.f ->> 'op' IN ('eq', 'neq') AND jsonb_array_length(w.f -> 'values') = 1
                      THEN jsonb_build_object('property', w.f -> 'property', 'operator', w.f ->> 'op', 'value', w.f -> 'values' -> 0)
                    WHEN w.f ->> 'op' IN ('eq', 'neq')
                      THEN jsonb_build_object('property', w.f -> 'property',
                                              'operator', CASE w.f ->> 'op' WHEN 'eq' THEN 'in' ELSE 'notIn' END,
                                              'value', w.f -> 'values')
                    ELSE jsonb_build_object('property', w.f -> 'property', 'operator', w.f ->> 'op', 'value', w.f -> 'value')
                  END ORDER BY w.position), '[]'::jsonb)
           FROM jsonb_array_elements(m.definition -> 'where') WITH ORDINALITY AS w (f, position)))
 WHERE jsonb_typeof(m.definition -> 'where') = 'array'
   AND EXISTS (SELECT 1 FROM jsonb_array_elements(m.definition -> 'where') AS old (f) WHERE NOT old.f ? 'operator');
