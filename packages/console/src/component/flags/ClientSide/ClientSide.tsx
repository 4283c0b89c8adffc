import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, data, ifMatch } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { FlagDetail } from '../../../api/types';
import { useScope } from '../../../scope';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';

/**
 * Whether client keys (browsers, mobile apps) may evaluate this flag. Off by
 * default: a browser then never learns the flag exists.
 */
export function ClientSide({ flag, onConflict }: { flag: FlagDetail; onConflict: (error: ApiError) => void }) {
  const scope = useScope();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (clientSide: boolean) =>
      data(
        api.PATCH('/api/v1/projects/{project}/flags/{flag}', {
          params: { path: { project: scope.project, flag: flag.key } },
          headers: ifMatch(flag.version),
          body: { clientSide },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.flags(scope.project) }),
    onError: (error) => error instanceof ApiError && error.isVersionConflict && onConflict(error),
  });
  return (
    <section className="card" aria-labelledby="client-side-title">
      <h2 id="client-side-title">Client-side SDKs</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={flag.clientSide}
          disabled={save.isPending || flag.archived}
          onChange={(event) => save.mutate(event.target.checked)}
        />{' '}
        Visible to client keys: browsers and mobile apps may evaluate this flag
      </label>
      <p className="muted">
        Client keys only ever receive values: never rules, segments or flags that are not visible to them.
      </p>
      {save.error && !(save.error instanceof ApiError && save.error.isVersionConflict) && <ErrorNotice error={save.error} />}
    </section>
  );
}
