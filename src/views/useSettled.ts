import { useEffect, useState } from 'react';

/**
 * `value`, once it has stopped changing for `ms`: for panels below the fold of a view whose control
 * moves fast (the Routing view's λ slider). Drawing the "Is routing paying?" and "Why this LLM?"
 * panels at every step of a drag took about 60% of each frame's layout and paint (measured with
 * them hidden: 7.7 -> 2.9 ms paint, 4.6 -> 1.6 ms layout); they follow λ when the slider rests.
 */
export function useSettled<T>(value: T, ms = 150): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, settled, ms]);
  return settled;
}
