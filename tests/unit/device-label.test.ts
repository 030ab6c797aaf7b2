import { describe, expect, it } from 'vitest';
import { deviceLabel } from '../../src/lib/device-label';

const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36';
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const MAC_FIREFOX = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:130.0) Gecko/20100101 Firefox/130.0';
const WINDOWS_EDGE =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0';

describe('a first name for this device', () => {
  it('names the browser and the system from the user agent', () => {
    expect(deviceLabel(ANDROID_CHROME)).toBe('Chrome on Android');
    expect(deviceLabel(IPHONE_SAFARI)).toBe('Safari on iPhone');
    expect(deviceLabel(MAC_FIREFOX)).toBe('Firefox on Mac');
    expect(deviceLabel(WINDOWS_EDGE)).toBe('Edge on Windows');
  });

  it('prefers the client hints, where the brand is not hidden behind Chromium', () => {
    const hints = {
      brands: [{ brand: 'Not A(Brand' }, { brand: 'Chromium' }, { brand: 'Microsoft Edge' }],
      platform: 'Windows',
      mobile: false,
    };
    expect(deviceLabel(ANDROID_CHROME, hints)).toBe('Edge on Windows');
    expect(deviceLabel('', { brands: [{ brand: 'Chromium' }], platform: 'Linux' })).toBe('Chrome on Linux');
  });

  it('says "This device" when it knows nothing', () => {
    expect(deviceLabel('')).toBe('This device');
  });
});
