import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, api, data, ifMatch } from '../../../api/client';
import { keys, useEnvironments, useSegments } from '../../../api/queries';
import type { FlagConfig, FlagDetail } from '../../../api/types';
import { useScope } from '../../../scope';
import { FieldError, IssuesContext } from '../../common/FieldError/FieldError';
import { type ConfigDraft, draftOf, sameDraft, toConfigInput } from '../draft';
import { KillSwitch } from '../KillSwitch/KillSwitch';
import { Prerequisites } from '../Prerequisites/Prerequisites';
import { ServeEditor } from '../RolloutEditor/ServeEditor';
import { RulesEditor } from '../RulesEditor/RulesEditor';
import { flagDocument } from '../TryIt/snapshot';
import { TryIt } from '../TryIt/TryIt';

/**
 * The flag in every environment at a glance with its kill switches, and the
 * editor of the current environment's configuration: off variant,
 * prerequisites, rules, default, with the try-it panel beside it.
 */
export function EnvironmentEditor({ flag, onConflict }: { flag: FlagDetail; onConflict: (environment: string, error: ApiError) => void }) {
  const scope = useScope();
  const queryClient = useQueryClient();
  const environments = useEnvironments(scope.project);
  const segments = useSegments(scope.project);
  const allFlags = useQuery({
    queryKey: keys.flagList(scope.project, { all: true }),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/flags', { params: { path: { project: scope.project }, query: { limit: 500 } } })),
  });
  const config = flag.environments[scope.environment];

  // The draft, and the version and configuration it was started from.
  const [base, setBase] = useState<{ version: number; saved: ConfigDraft } | undefined>(config && { version: config.version, saved: draftOf(config) });
  const [draft, setDraft] = useState<ConfigDraft | undefined>(config && draftOf(config));
  const dirty = draft !== undefined && base !== undefined && !sameDraft(draft, base.saved);

  // A newer version from the server replaces an untouched draft; an edited one waits for its save (and its 409).
  useEffect(() => {
    if (config === undefined || (base !== undefined && config.version === base.version)) return;
    if (!dirty) {
      setBase({ version: config.version, saved: draftOf(config) });
      setDraft(draftOf(config));
    }
  }, [config, base, dirty]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.flags(scope.project) });

  const toggle = useMutation({
    mutationFn: ({ environment, current }: { environment: string; current: FlagConfig }) =>
      data(
        api.PATCH('/api/v1/projects/{project}/flags/{flag}/environments/{environment}', {
          params: { path: { project: scope.project, flag: flag.key, environment } },
          headers: ifMatch(current.version),
          body: { enabled: !current.enabled },
        }),
      ).then((saved) => ({ environment, saved })),
    onSuccess: ({ environment, saved }) => {
      // Only `enabled` changed: an edit in progress here stays based on the new version.
      if (environment === scope.environment && base !== undefined) setBase({ ...base, version: saved.version });
      return refresh();
    },
    onError: (error, { environment }) => error instanceof ApiError && error.isVersionConflict && onConflict(environment, error),
  });

  const save = useMutation({
    mutationFn: (next: ConfigDraft) =>
      data(
        api.PATCH('/api/v1/projects/{project}/flags/{flag}/environments/{environment}', {
          params: { path: { project: scope.project, flag: flag.key, environment: scope.environment } },
          headers: ifMatch(base?.version ?? 0),
          body: toConfigInput(next),
        }),
      ),
    onSuccess: (saved) => {
      setBase({ version: saved.version, saved: draftOf(saved) });
      setDraft(draftOf(saved));
      return refresh();
    },
    onError: (error) => error instanceof ApiError && error.isVersionConflict && onConflict(scope.environment, error),
  });
  const issues = save.error instanceof ApiError ? save.error.issues : [];

  if (config === undefined || draft === undefined) return <p className="empty">This flag has no configuration in {scope.environment}.</p>;
  const variants = flag.variants.map((variant) => variant.key);
  const segmentKeys = (segments.data ?? []).map((segment) => segment.key);
  const envs = environments.data?.environments ?? [];
  const update = (changes: Partial<ConfigDraft>) => setDraft({ ...draft, ...changes });

  return (
    <>
      <section className="card" aria-labelledby="environments-title">
        <h2 id="environments-title">Environments</h2>
        <ul className="env-switches">
          {envs.map((environment) => {
            const theirs = flag.environments[environment.key];
            if (theirs === undefined) return null;
            return (
              <li key={environment.key} className={environment.key === scope.environment ? 'current-env' : undefined}>
                <span className="env-name">{environment.name}</span>
                <KillSwitch environment={environment.name} enabled={theirs.enabled} busy={toggle.isPending || flag.archived} onToggle={() => toggle.mutate({ environment: environment.key, current: theirs })} />
                <span className="muted">v{theirs.version}</span>
              </li>
            );
          })}
        </ul>
        {toggle.error && !(toggle.error instanceof ApiError && toggle.error.isVersionConflict) && (
          <p className="field-error" role="alert">
            {toggle.error.message}
          </p>
        )}
      </section>
      <div className="editor-grid">
        <IssuesContext.Provider value={issues}>
          <form
            className="card config-editor"
            aria-labelledby="targeting-title"
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate(draft);
            }}
          >
            <h2 id="targeting-title">Targeting in {envs.find((e) => e.key === scope.environment)?.name ?? scope.environment}</h2>
            <p className="muted">
              {config.enabled ? 'On: rules and the default below decide.' : `Off: everyone gets “${draft.offVariant}”.`} Version {base?.version ?? config.version}.
            </p>
            <Prerequisites prerequisites={draft.prerequisites} flags={allFlags.data?.flags ?? []} self={flag.key} onChange={(prerequisites) => update({ prerequisites })} />
            <RulesEditor rules={draft.rules} variants={variants} segments={segmentKeys} onChange={(rules) => update({ rules })} />
            <section aria-labelledby="default-title">
              <h3 id="default-title">Default</h3>
              <p className="muted">Everyone no rule matches.</p>
              <ServeEditor serve={draft.fallthrough} variants={variants} path="fallthrough" label="Default" onChange={(fallthrough) => update({ fallthrough })} />
            </section>
            <section aria-labelledby="off-title">
              <h3 id="off-title">While off</h3>
              <label className="inline">
                <span>Serve</span>
                <select value={draft.offVariant} onChange={(event) => update({ offVariant: event.target.value })} aria-label="Variant served while off">
                  {variants.map((variant) => (
                    <option key={variant} value={variant}>
                      {variant}
                    </option>
                  ))}
                </select>
              </label>
              <FieldError path="offVariant" />
            </section>
            {save.error && !(save.error instanceof ApiError && save.error.isVersionConflict) && (
              <p className="field-error" role="alert">
                {save.error.message}
              </p>
            )}
            {save.isSuccess && !dirty && (
              <p className="saved" role="status">
                Saved.
              </p>
            )}
            <div className="actions sticky">
              <button type="submit" className="primary" disabled={!dirty || save.isPending || flag.archived}>
                Save changes
              </button>
              <button type="button" disabled={!dirty} onClick={() => base && setDraft(structuredClone(base.saved))}>
                Discard
              </button>
              {dirty && <span className="muted">Unsaved changes</span>}
            </div>
          </form>
        </IssuesContext.Provider>
        <TryIt flag={flagDocument(flag, config.enabled, draft)} dirty={dirty} />
      </div>
    </>
  );
}
