import { diff } from './diff';

const text = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 1).replace(/\n\s*/g, ' '));

/** Before and after of one audit entry, as the values that changed, by path. */
export function Diff({ before, after }: { before: unknown; after: unknown }) {
  const all = diff(before, after);
  // Versions and timestamps change with everything: shown only when nothing else did.
  const meaningful = all.filter((change) => !/(^|\.)(updatedAt|version)$/.test(change.path));
  const changes = meaningful.length > 0 ? meaningful : all;
  if (changes.length === 0) return <p className="muted">No difference.</p>;
  return (
    <table className="diff" aria-label="Changes">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.path} className={change.kind}>
            <th scope="row">
              <code>{change.path}</code>
            </th>
            <td className="before">{change.kind !== 'added' && <del>{text(change.before)}</del>}</td>
            <td className="after">{change.kind !== 'removed' && <ins>{text(change.after)}</ins>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
