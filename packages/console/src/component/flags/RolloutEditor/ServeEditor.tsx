import type { Serve } from '@dial/core';
import { FieldError } from '../../common/FieldError/FieldError';
import { RolloutEditor, evenSplit } from './RolloutEditor';

/** What a rule or the default serves: one variant, or a percentage rollout over the variants. */
export function ServeEditor({ serve, variants, path, label, onChange }: { serve: Serve; variants: readonly string[]; path: string; label: string; onChange: (serve: Serve) => void }) {
  const value = 'variant' in serve ? `variant:${serve.variant}` : 'rollout';
  return (
    <div className="serve">
      <label className="inline">
        <span>Serve</span>
        <select
          aria-label={`${label}: serve`}
          value={value}
          onChange={(event) => {
            const choice = event.target.value;
            if (choice === 'rollout') onChange({ rollout: { split: evenSplit(variants) } });
            else onChange({ variant: choice.slice('variant:'.length) });
          }}
        >
          {variants.map((variant) => (
            <option key={variant} value={`variant:${variant}`}>
              {variant}
            </option>
          ))}
          <option value="rollout">a percentage rollout</option>
        </select>
      </label>
      <FieldError path={`${path}.variant`} />
      <FieldError path={path} />
      {'rollout' in serve && <RolloutEditor rollout={serve.rollout} path={path} label={label} onChange={(rollout) => onChange({ rollout })} />}
    </div>
  );
}
