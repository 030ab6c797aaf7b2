// Chromium's flags for this closed network (no background connections, no first-run UI),
// shared by the browser tests (tests/e2e/browser.ts) and the benchmarks (scripts/bench.ts).
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
