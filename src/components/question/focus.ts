// Where the eye and the focus go when the question changes or an answer is checked: the new
// question's heading to the top of the screen (so its stem is in view, not its options), and
// after checking the verdict with the explanation under it.
import { useEffect, type RefObject } from 'react';

/** The height covered at the top by sticky bars (marked data-sticky-top), plus a margin. */
function topOffset(): number {
  let covered = 0;
  for (const bar of document.querySelectorAll<HTMLElement>('[data-sticky-top]')) {
    const r = bar.getBoundingClientRect();
    if (getComputedStyle(bar).position === 'sticky' || getComputedStyle(bar).position === 'fixed')
      covered = Math.max(covered, r.height);
  }
  return covered + 12;
}

/** Moves focus to the element and scrolls it to the top, under any sticky bar. */
export function bringToTop(el: HTMLElement | null): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  const top = el.getBoundingClientRect().top + window.scrollY - topOffset();
  window.scrollTo({ top: Math.max(0, top), behavior: 'instant' });
}

/** Moves focus to the element and scrolls only when it is not fully in view. */
export function bringIntoView(el: HTMLElement | null): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  const r = el.getBoundingClientRect();
  if (r.top < topOffset() || r.bottom > window.innerHeight) bringToTop(el);
}

/** On mount (a new question after Next / Skip / Previous), brings the heading to the top. */
export function useBringToTopOnMount(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    if (active) bringToTop(ref.current);
    // Only on mount: the component is keyed by question.
    // oxlint-disable-next-line react/exhaustive-deps, react/exhaustive-effect-dependencies
  }, []);
}
