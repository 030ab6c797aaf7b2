import { build, preview } from 'vite';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
process.env.NODE_ENV = 'production';
await build({ logLevel: 'warn', mode: 'production' });
const server = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (let i = 0; i < 2; i++) {
  const r = await lighthouse(base + '/', { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const a = r!.lhr.audits;
  console.log('perf', r!.lhr.categories.performance!.score, 'LCP', a['largest-contentful-paint']!.displayValue, 'TBT', a['total-blocking-time']!.displayValue, 'CLS', a['cumulative-layout-shift']!.displayValue, 'FCP', a['first-contentful-paint']!.displayValue);
}
chrome.kill(); await server.close();
