import { parseWith, type ValidationIssue } from '@dial/core/validation';
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { type FieldIssue, validationFailed } from './errors.js';

/** Core's validation issues as the API reports them. */
export function fieldIssues(issues: readonly ValidationIssue[]): FieldIssue[] {
  return issues.map(({ path, message, code }) => ({ path, message, code }));
}

/**
 * A validator compiler that parses request bodies with core's parser, for
 * routes whose bodies hold flag and segment documents: a mistake is reported
 * at its innermost field (`rules[0].when[1].op`, not just `rules[0].when[1]`)
 * in the same words as in a config-as-code file. Other parts of the request
 * are validated as on every other route.
 *
 * @example
 * app.setValidatorCompiler(coreBodyValidator); // inside a domain's route plugin
 */
export const coreBodyValidator: FastifySchemaCompiler<z.ZodType> = (route) => {
  if (route.httpPart !== 'body') return validatorCompiler(route);
  const schema = route.schema;
  return (data: unknown) => {
    const result = parseWith(schema, data);
    return result.ok ? { value: result.value } : { error: validationFailed(fieldIssues(result.issues)) };
  };
};
