// npm run test:e2e: browser tests against the production build in Debian's Chromium.
// Finds Chromium through CHROME_PATH or /usr/bin/chromium; on a Debian machine run as root
// with neither, installs Debian's chromium package first; elsewhere says how to get one.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

function findChromium(): string | undefined {
  for (const p of [process.env.CHROME_PATH, '/usr/bin/chromium']) if (p && existsSync(p)) return p;
  return undefined;
}

let chrome = findChromium();
if (!chrome) {
  const debian = existsSync('/etc/debian_version');
  const root = process.getuid?.() === 0;
  if (debian && root) {
    console.log("Chromium not found: installing Debian's chromium package (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install =
      update.status === 0
        ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], {
            stdio: 'inherit',
            env,
          })
        : update;
    if (install.status !== 0) {
      console.error('Installing chromium failed. Install it yourself (apt-get install chromium) or set CHROME_PATH.');
      process.exit(1);
    }
    chrome = findChromium();
  } else {
    const os = existsSync('/etc/os-release')
      ? readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)/m)?.[1]
      : process.platform;
    console.error(
      `Chromium not found (looked at CHROME_PATH and /usr/bin/chromium) on ${os}.\n` +
        (debian
          ? 'Run as root, or: sudo apt-get install chromium\n'
          : 'Install Chromium or Google Chrome and set CHROME_PATH to its executable, e.g.\n  CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test\n'),
    );
    process.exit(1);
  }
}
if (!chrome) {
  console.error('Chromium is still missing after installing it.');
  process.exit(1);
}
const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chrome },
});
process.exit(result.status ?? 1);
