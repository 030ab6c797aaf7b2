// Offers a new version of the app when one is ready; never swaps it in by itself, so a
// candidate in the middle of a question is not interrupted.
import { useRegisterSW } from 'virtual:pwa-register/react';

export function ReloadPrompt() {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
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
            OK
          </button>
        </>
      )}
    </div>
  );
}
