import { useEffect, useRef } from 'react';

/**
 * The page's h1. It sets the document title and takes focus after client-side navigation so
 * screen-reader and keyboard users start at the top of the new page.
 */
export function PageTitle({ children, title }: { children: React.ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · CLM Study`;
    if (document.body.dataset.navigated === 'true') ref.current?.focus({ preventScroll: false });
    document.body.dataset.navigated = 'true';
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
