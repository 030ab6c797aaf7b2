// Where the eye and the focus go when the question changes or an answer is checked: the new
// question's heading to the top of the screen (so its stem is in view, not its options), and
// after checking the verdict with the explanation under it.
import { useEffect, type RefObject } from 'react';

const topOffset = 64; // below the sticky header

/** Moves focus to the element and scrolls it to the top, under the header. */
export function bringToTop(el: HTMLElement | null): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  const top = el.getBoundingClientRect().top + window.scrollY - topOffset;
  window.scrollTo({ top: Math.max(0, top), behavior: 'instant' });
}

/** Moves focus to the element and scrolls only when it is not fully in view. */
export function bringIntoView(el: HTMLElement | null): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  const r = el.getBoundingClientRect();
  if (r.top < topOffset || r.bottom > window.innerHeight) bringToTop(el);
}

/** On mount (a new question after Next / Skip / Previous), brings the heading to the top. */
export function useBringToTopOnMount(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    if (active) bringToTop(ref.current);
    // Only on mount: the component is keyed by question.
    // oxlint-disable-next-line react/exhaustive-deps
  }, []);
}
