import { describe, expect, it } from 'vitest';
import { classifyRouteError } from '../../src/lib/route-error';

const chunkError = new TypeError(
  'Failed to fetch dynamically imported module: http://localhost/assets/progress-page-abc.js',
);

describe('what an error page says went wrong', () => {
  it('calls a route chunk gone while online a new version, not the network', () => {
    expect(classifyRouteError(chunkError, true)).toBe('new-version');
    expect(classifyRouteError(Object.assign(new Error('x'), { name: 'ChunkLoadError' }), true)).toBe('new-version');
    expect(classifyRouteError(new TypeError('Importing a module script failed.'), true)).toBe('new-version');
  });

  it('says offline only when the device is offline or a fetch never reached a server', () => {
    expect(classifyRouteError(chunkError, false)).toBe('offline');
    expect(classifyRouteError(new TypeError('Failed to fetch'), true)).toBe('offline');
    expect(classifyRouteError(new TypeError("Cannot read properties of undefined (reading 'id')"), false)).toBe(
      'other',
    );
    expect(classifyRouteError(new Error('Storage on this device is full'), true)).toBe('other');
  });

  it('tells a missing page from a bug', () => {
    expect(classifyRouteError({ status: 404, statusText: 'Not Found' }, true)).toBe('not-found');
    expect(classifyRouteError('a string was thrown', true)).toBe('other');
    expect(classifyRouteError(null, true)).toBe('other');
  });
});
