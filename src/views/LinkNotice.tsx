/**
 * A link made on another dataset: says which dataset it expects and which of its settings wait for
 * it (a lambda is in its own data's cost unit, pools and clusters name that data's LLMs and clusters).
 */
import { useAppStore } from '../state/store';
import { dismissLink } from '../state/datasetRouting';

export function LinkNotice() {
  const link = useAppStore((s) => s.data.link);
  const loaded = useAppStore((s) => s.data.dataset?.name);
  const loadedHash = useAppStore((s) => s.data.dataHash);
  if (!link || link.status !== 'waiting') return null;
  const { url } = link;
  const expects = `${url.data ? `“${url.data}”` : 'another dataset'}${url.datahash ? ` (data hash ${url.datahash})` : ''}`;
  const held = [
    url.lambda !== undefined ? `λ = ${url.lambda}` : null,
    url.route ? `router ${url.route}` : null,
    url.test ? `test pool ${url.test.join(', ')}` : null,
    url.k !== undefined ? `K = ${url.k}` : null,
    url.seed !== undefined ? `seed ${url.seed}` : null,
    url.method ? `method ${url.method}` : null,
    url.split ? 'split' : null,
    url.cluster !== undefined && url.cluster !== null ? `cluster #${url.cluster}` : null,
  ].filter(Boolean);
  return (
    <div className="rl-notice rl-notice--warn rl-row" role="status" data-testid="link-notice" style={{ margin: 'var(--rl-space-3) 0 0' }}>
      <span style={{ flex: '1 1 400px' }}>
        This link was made on the dataset {expects}, but “{loaded ?? 'no dataset'}”{loadedHash ? ` (data hash ${loadedHash})` : ''} is
        loaded. Its settings{held.length ? ` (${held.join(', ')})` : ''} wait for that dataset: load it in the Data view and they apply.
      </span>
      <button className="rl-button rl-button--small" type="button" onClick={dismissLink} data-testid="link-dismiss">
        Dismiss
      </button>
    </div>
  );
}
