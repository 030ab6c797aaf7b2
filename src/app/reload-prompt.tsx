// Offers a new version of the app when one is ready; never swaps it in by itself, so a
// candidate in the middle of a question is not interrupted. The update prompt stays until
// acted on; the "ready to work offline" notice is news, not a question, so it goes by itself.
import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

/** How long the "ready to work offline" notice stays, unless closed sooner. */
export const OFFLINE_NOTICE_MS = 8000;

export function ReloadPrompt() {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
  useEffect(() => {
    if (!offlineReady || needRefresh) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [offlineReady, needRefresh, setOfflineReady]);
  if (!offlineReady && !needRefresh) return null;
  return (
    <div className="toast" role="status">
      {needRefresh ? (
        <>
          <p>An update is available.</p>
          <button type="button" className="button" onClick={() => void updateServiceWorker(true)}>
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
