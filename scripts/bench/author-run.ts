// The Author page's figures alone (scripts/bench/author.ts), on the production build in dist/
// (run `npx vite build` first): `npx tsx scripts/bench/author-run.ts`. npm run bench runs the
// same measurement and writes it to docs/PERFORMANCE.md.
import { preview } from 'vite';
import { reportAuthor } from './author-report.ts';

const server = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
try {
  const base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  await reportAuthor(base, (what, budget, measured, ok) =>
    console.log(`${ok ? 'ok  ' : 'OVER'} ${what}: ${measured} (budget ${budget})`),
  );
} finally {
  await server.close();
}
