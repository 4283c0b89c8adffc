import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, data, ifMatch } from '../../../api/client';
import { keys, useFlag } from '../../../api/queries';
import type { FlagDetail } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { ConflictDialog } from '../../common/ConflictDialog/ConflictDialog';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { FlagExperiments } from '../../experiments/FlagExperiments/FlagExperiments';
import { type Conflict, lastChange } from '../conflict';
import { ClientSide } from '../ClientSide/ClientSide';
import { Variants } from '../Variants/Variants';
import { EnvironmentEditor } from './EnvironmentEditor';

/** One flag: its environments and kill switches, targeting, variants, and a try-it panel. */
export function FlagPage() {
  const scope = useScope();
  const { flag: key = '' } = useParams();
  const queryClient = useQueryClient();
  const flag = useFlag(scope.project, key);
  const [conflict, setConflict] = useState<Conflict>();
  // Bumped to start the editors afresh from the newest version.
  const [generation, setGeneration] = useState(0);

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: keys.flags(scope.project) });
    await flag.refetch();
    setGeneration((n) => n + 1);
    setConflict(undefined);
  };

  /** A 409 from an edit: fetch the newer version and show it. */
  const showConflict = async (environment: string | undefined, error: ApiError) => {
    const newer = await flag.refetch();
    const detail = newer.data;
    const by = await lastChange('flag', key, scope.project, environment);
    const shown = environment === undefined ? detail && { ...detail, environments: undefined } : detail?.environments[environment];
    setConflict({
      what: environment === undefined ? `Flag “${key}”` : `Flag “${key}” in ${environment}`,
      message: `${error.message}${by ? ` Last change by ${by}.` : ''}`,
      newer: <pre className="code newer">{JSON.stringify(shown, null, 2)}</pre>,
      reload: () => void reload(),
    });
  };

  const lifecycle = useMutation({
    mutationFn: (action: 'archive' | 'restore') => {
      const request = { params: { path: { project: scope.project, flag: key } }, headers: ifMatch(flag.data?.version ?? 0), body: {} };
      return data(
        action === 'archive'
          ? api.POST('/api/v1/projects/{project}/flags/{flag}/archive', request)
          : api.POST('/api/v1/projects/{project}/flags/{flag}/restore', request),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.flags(scope.project) }),
    onError: (error) => error instanceof ApiError && error.isVersionConflict && void showConflict(undefined, error),
  });

  if (flag.error) return <ErrorNotice error={flag.error} />;
  if (flag.isPending) return <p className="loading" role="status">Loading flag…</p>;
  const detail: FlagDetail = flag.data;

  return (
    <article aria-labelledby="flag-title" className="flag-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={scopedPath(scope, 'flags')}>Flags</Link> / <span>{detail.key}</span>
      </nav>
      <div className="page-head">
        <div>
          <h1 id="flag-title">{detail.name}</h1>
          <p className="muted">
            <code>{detail.key}</code> · {detail.kind} · {detail.lifetime}
            {detail.owner && ` · owner ${detail.owner}`}
            {detail.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
            {detail.archived && <span className="badge">archived</span>}
          </p>
          {detail.description && <p>{detail.description}</p>}
        </div>
        <div className="actions">
          <Link to={`${scopedPath(scope, 'audit')}?resource=${encodeURIComponent(detail.key)}&resourceType=flag`}>History</Link>
          <Link className="button" to={`${scopedPath(scope, 'experiments')}?new&flag=${encodeURIComponent(detail.key)}`}>
            New experiment
          </Link>
          <button type="button" onClick={() => lifecycle.mutate(detail.archived ? 'restore' : 'archive')} disabled={lifecycle.isPending}>
            {detail.archived ? 'Restore' : 'Archive'}
          </button>
        </div>
      </div>
      {lifecycle.error && !(lifecycle.error instanceof ApiError && lifecycle.error.isVersionConflict) && <ErrorNotice error={lifecycle.error} />}
      {detail.archived && <p className="notice">This flag is archived: SDKs serve their default values and its configuration is frozen. Restore it to edit.</p>}
      <EnvironmentEditor key={`${scope.environment}-${generation}`} flag={detail} onConflict={(environment, error) => void showConflict(environment, error)} />
      <Variants key={`${detail.version}-${generation}`} flag={detail} onConflict={(error) => void showConflict(undefined, error)} />
      <ClientSide flag={detail} onConflict={(error) => void showConflict(undefined, error)} />
      <FlagExperiments flag={detail.key} />
      {conflict && <ConflictDialog what={conflict.what} message={conflict.message} newer={conflict.newer} onReload={conflict.reload} onClose={() => setConflict(undefined)} />}
    </article>
  );
}
