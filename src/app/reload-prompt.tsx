// Offers a new version of the app when one is ready; never swaps it in by itself, so a
// candidate in the middle of a question or an exam is not interrupted. Only the tab where
// "Update now" was clicked reloads; every other open tab, once the new version takes control,
// says so and waits for its own Reload. (vite-plugin-pwa would reload every tab on
// workbox-window's "controlling" event unless onNeedReload is given: it is, here.)
// The "ready to work offline" notice is news, not a question, so it goes by itself.
import { useEffect, useRef, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

/** How long the "ready to work offline" notice stays, unless closed sooner. */
export const OFFLINE_NOTICE_MS = 8000;

export function ReloadPrompt() {
  // This tab asked for the update: it alone reloads when the new version takes control.
  const asked = useRef(false);
  const [active, setActive] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const onNewController = useRef(() => {
    if (asked.current) location.reload();
    else setActive(true);
  });
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ onNeedReload: () => onNewController.current() });

  // A tab that never saw the waiting version (opened after it was installed) still hears
  // when it takes over from the version this tab runs.
  useEffect(() => {
    const sw = navigator.serviceWorker as ServiceWorkerContainer | undefined;
    if (!sw?.controller) return;
    const onChange = () => onNewController.current();
    sw.addEventListener('controllerchange', onChange);
    return () => sw.removeEventListener('controllerchange', onChange);
  }, []);

  useEffect(() => {
    if (!offlineReady || needRefresh) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [offlineReady, needRefresh, setOfflineReady]);

  if (active && !dismissed)
    return (
      <div className="toast" role="status">
        <p>A new version is active: reload when ready.</p>
        <button type="button" className="button" onClick={() => location.reload()}>
          Reload
        </button>
        <button type="button" className="button-secondary" onClick={() => setDismissed(true)}>
          Later
        </button>
      </div>
    );
  if (active || (!offlineReady && !needRefresh)) return null;
  return (
    <div className="toast" role="status">
      {needRefresh ? (
        <>
          <p>An update is available.</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              asked.current = true;
              void updateServiceWorker(true);
            }}
          >
            Update now
          </button>
          <button type="button" className="button-secondary" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </>
      ) : (
        <>
          <p>Ready to work offline.</p>
          <button type="button" className="button-secondary" onClick={() => setOfflineReady(false)}>
            Close
          </button>
        </>
      )}
    </div>
  );
}
