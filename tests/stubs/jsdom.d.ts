// The little of jsdom's API the tests use directly (jsdom ships no types of its own).
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string, options?: { runScripts?: 'dangerously' | 'outside-only' });
    window: Window & typeof globalThis;
  }
}
