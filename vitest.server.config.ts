import { defineConfig } from 'vitest/config';

// Server tests: a real chapter server (server/) on a free port with its data in a temporary
// folder, driven over HTTP and by real Hocuspocus providers in Node.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/server/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
