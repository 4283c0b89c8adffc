import { type EvaluationResult, type Flag, evaluate } from '@dial/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useScope } from '../../../scope';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { dependenciesOf, referencesOf } from './snapshot';

const EXAMPLE = '{\n  "key": "user-1",\n  "email": "ann@example.com",\n  "country": "DE"\n}';

type Parsed = { ok: true; context: Record<string, unknown> } | { ok: false; message: string };

function parseContext(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'The context must be a JSON object, such as { "key": "user-1" }' };
    return { ok: true, context: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
}

/**
 * Evaluates the flag, as edited, for a context the user types: in the
 * browser, with the same core engine the SDKs run.
 */
export function TryIt({ flag, dirty }: { flag: Flag; dirty: boolean }) {
  const scope = useScope();
  const id = useId();
  const [text, setText] = useState(EXAMPLE);
  const parsed = parseContext(text);
  // Fetched again only when the segments or prerequisites named change, not on every edit.
  const references = referencesOf(flag);
  const dependencies = useQuery({
    queryKey: ['try-it', scope.project, scope.environment, flag.key, references],
    queryFn: () => dependenciesOf(scope.project, scope.environment, references, flag.key),
  });
  let result: EvaluationResult | undefined;
  if (parsed.ok && dependencies.data !== undefined) {
    const snapshot = { flags: [flag, ...dependencies.data.flags], segments: dependencies.data.segments };
    result = evaluate(snapshot, flag.key, parsed.context);
  }
  const ruleIndex = result?.ruleId === undefined ? -1 : flag.rules.findIndex((rule) => rule.id === result.ruleId);

  return (
    <section className="card try-it" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Try it</h2>
      <p className="muted">
        Evaluates {dirty ? 'your unsaved changes' : 'this configuration'} in {scope.environment} for a context, with the SDKs' engine, right here in the browser.
      </p>
      <label htmlFor={`${id}-context`}>Context (JSON)</label>
      <textarea id={`${id}-context`} rows={6} spellCheck={false} value={text} onChange={(event) => setText(event.target.value)} aria-invalid={!parsed.ok} className="code" />
      {!parsed.ok && (
        <p className="field-error" role="alert">
          {parsed.message}
        </p>
      )}
      <ErrorNotice error={dependencies.error} />
      {result !== undefined && (
        <dl className="result" aria-live="polite" data-testid="try-it-result">
          <dt>Variant</dt>
          <dd data-testid="try-it-variant">{result.variant ?? '— (the caller\'s default)'}</dd>
          <dt>Value</dt>
          <dd>
            <code>{result.value === undefined ? '—' : JSON.stringify(result.value)}</code>
          </dd>
          <dt>Reason</dt>
          <dd data-testid="try-it-reason">{result.reason}</dd>
          <dt>Matched rule</dt>
          <dd data-testid="try-it-rule">{result.ruleId === undefined ? '—' : `Rule ${ruleIndex + 1} (${result.ruleId})`}</dd>
          {result.prerequisite !== undefined && (
            <>
              <dt>Failed prerequisite</dt>
              <dd>{result.prerequisite}</dd>
            </>
          )}
          {result.errorCode !== undefined && (
            <>
              <dt>Error</dt>
              <dd>
                {result.errorCode}
                {result.errorMessage ? `: ${result.errorMessage}` : ''}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
