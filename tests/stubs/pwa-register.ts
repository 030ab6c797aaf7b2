// Stand-in for vite-plugin-pwa's virtual module in component tests (no service worker there).
import { useState } from 'react';

export function useRegisterSW() {
  return {
    needRefresh: useState(false),
    offlineReady: useState(false),
    updateServiceWorker: async () => undefined,
  };
}
