import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { clmContent } from './src/content/vite-plugin.ts';

// Component tests run against a small fixture program so their assertions do not move when
// the real content grows.
export default defineConfig({
  plugins: [clmContent({ dir: 'tests/fixtures/content/valid' }), react()],
  resolve: {
    alias: {
      'virtual:pwa-register/react': fileURLToPath(new URL('./tests/stubs/pwa-register.ts', import.meta.url)),
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Component tests render lazy routes in jsdom: on a loaded 2-core machine a first render can take seconds.
    testTimeout: 20_000,
  },
});
