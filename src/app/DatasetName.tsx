/** The loaded dataset's name in the header (from the files: folder or file name), editable in place. */
import { useState } from 'react';
import { useAppStore } from '../state/store';
import { MAX_DATASET_NAME, renameDataset } from '../state/renameActions';

export function DatasetName() {
  const name = useAppStore((s) => s.data.dataset?.name);
  const [draft, setDraft] = useState<string | null>(null);
  if (!name) return null;
  if (draft === null)
    return (
      <span className="rl-dataset-name">
        <button
          type="button"
          className="rl-dataset-name__button"
          onClick={() => setDraft(name)}
          title="Rename the dataset"
          aria-label={`Dataset ${name}: rename`}
          data-testid="dataset-name"
        >
          {name} <span aria-hidden="true">✎</span>
        </button>
      </span>
    );
  const commit = () => {
    void renameDataset(draft);
    setDraft(null);
  };
  return (
    <form
      className="rl-dataset-name"
      onSubmit={(e) => {
        e.preventDefault();
        commit();
      }}
    >
      <input
        className="rl-dataset-name__input"
        value={draft}
        maxLength={MAX_DATASET_NAME}
        aria-label="Dataset name"
        data-testid="dataset-name-input"
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    </form>
  );
}
