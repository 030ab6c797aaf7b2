import { useEffect } from 'react';

/** The page's h1; it also names the browser tab. Focus moves to it on navigation (see Layout). */
export function PageTitle({ children, title }: { children: React.ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} · CLM Study`;
  }, [title]);
  return <h1 tabIndex={-1}>{children}</h1>;
}
