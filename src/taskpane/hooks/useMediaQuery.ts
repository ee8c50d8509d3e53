// Whether a media query matches, following the window as it is resized. Where matchMedia is missing
// (jsdom, old webviews) it never matches: the pane's one-column layout is the default.
import { useEffect, useState } from 'react';

export function useMediaQuery(query: string): boolean {
  const read = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  const [matches, setMatches] = useState(read);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener?.('change', update);
    return () => list.removeEventListener?.('change', update);
  }, [query]);
  return matches;
}

/** Wide enough for the 台账 list and the open item side by side (the page over a file; never the 320 px pane). */
export const SIDE_BY_SIDE = '(min-width: 900px)';
