import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { scopedPath, useScope } from '../../../scope';
import { CopyButton } from '../CopyButton/CopyButton';

/** The Node SDK's first lines for one environment. */
export function sdkSnippet(environment: string, flag = 'my-flag'): string {
  return `import { DialClient } from '@dial/sdk-node';

// A server SDK key for "${environment}", from API keys.
const dial = new DialClient({ baseUrl: '${globalThis.location?.origin ?? ''}', sdkKey: process.env.DIAL_SDK_KEY });
await dial.ready;

if (dial.boolean('${flag}', { key: user.id, email: user.email }, false)) {
  // the new code path
}`;
}

/** A list with nothing in it yet: what to do next, and how the SDK reads this environment. */
export function EmptyState({ title, children, flag }: { title: string; children: ReactNode; flag?: string }) {
  const scope = useScope();
  const snippet = sdkSnippet(scope.environment, flag);
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <div>{children}</div>
      <h3>Read flags in {scope.environment} from your code</h3>
      <p>
        Create a server SDK key for this environment under <Link to={scopedPath(scope, 'keys')}>API keys</Link>, then:
      </p>
      <pre className="snippet">
        <code>{snippet}</code>
      </pre>
      <CopyButton text={snippet} label="Copy snippet" />
    </section>
  );
}
