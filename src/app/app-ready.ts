// The event main.tsx sends once React runs the page (hydrated, or drawn from nothing): the
// inline tap hold (TAP_HOLD in scripts/html-plugins.ts) then presses again a button tapped
// before. A component that draws nothing, so the prerendered markup is unchanged.
import { useEffect } from 'react';
import { APP_READY_EVENT } from './app-ready-event';

export function AppReady() {
  useEffect(() => {
    document.dispatchEvent(new Event(APP_READY_EVENT));
  }, []);
  return null;
}
