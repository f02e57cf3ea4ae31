/** Keyboard moves of a one-tab-stop list (the prompt listbox): pure, so it is tested alone. */

/** Index of the option a key moves to, or null when the key is not one the list handles. */
export function nextIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : clamp(current + 1);
    case 'ArrowUp':
      return current < 0 ? 0 : clamp(current - 1);
    case 'PageDown':
      return clamp(Math.max(0, current) + 10);
    case 'PageUp':
      return clamp(Math.max(0, current) - 10);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
