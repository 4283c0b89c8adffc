import type { Flag, Serve } from '../types.js';
import { issueAt, listOf, quote, type PathSegment, type ValidationIssue } from './issues.js';

const MAX_NAMED_VARIANTS = 10;

/**
 * Checks that the fields of one well-formed flag agree with each other:
 * every variant it can serve exists, rule ids are unique (results and
 * analytics report them), and no prerequisite is listed twice.
 *
 * @example
 * flagConsistencyIssues({ ...flag, offVariant: 'of' });
 * // [{ path: 'offVariant', code: 'unknown_variant', message: '"of" is not one of this flag\'s variants: on and off' }]
 */
export function flagConsistencyIssues(flag: Flag): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const variants = new Set(Object.keys(flag.variants));
  const named = variants.size <= MAX_NAMED_VARIANTS ? `: ${listOf([...variants])}` : '';
  const checkVariant = (variant: string, path: PathSegment[]) => {
    if (!variants.has(variant)) issues.push(issueAt(path, 'unknown_variant', `${quote(variant)} is not one of this flag's variants${named}`));
  };
  const checkServe = (serve: Serve, path: PathSegment[]) => {
    if ('variant' in serve) checkVariant(serve.variant, [...path, 'variant']);
    else serve.rollout.split.forEach((entry, i) => checkVariant(entry.variant, [...path, 'rollout', 'split', i, 'variant']));
  };

  checkVariant(flag.offVariant, ['offVariant']);
  const prerequisites = new Map<string, number>();
  (flag.prerequisites ?? []).forEach((prerequisite, i) => {
    const first = prerequisites.get(prerequisite.flag);
    if (first === undefined) prerequisites.set(prerequisite.flag, i);
    else issues.push(issueAt(['prerequisites', i, 'flag'], 'duplicate', `flag ${quote(prerequisite.flag)} is already a prerequisite at prerequisites[${first}]`));
  });
  const ruleIds = new Map<string, number>();
  flag.rules.forEach((rule, i) => {
    const first = ruleIds.get(rule.id);
    if (first === undefined) ruleIds.set(rule.id, i);
    else issues.push(issueAt(['rules', i, 'id'], 'duplicate', `rule id ${quote(rule.id)} is already used by rules[${first}]`));
    checkServe(rule.serve, ['rules', i, 'serve']);
  });
  checkServe(flag.fallthrough, ['fallthrough']);
  return issues;
}
