import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// Two cores run several test files at once: give async queries room before they give up.
configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  cleanup();
});
