// npm start (after the build): the chapter server, on PORT (4173) with its data in DATA_DIR (data/).
import { startServer } from './app.ts';
import { configFromEnv } from './config.ts';

const config = configFromEnv();
const started = Date.now();
try {
  const app = await startServer(config);
  console.log(`CLM Study at ${app.url}`);
  if (config.publicUrl) console.log(`Public address (links): ${config.publicUrl}`);
  console.log(`Data in ${app.store.file} (ready in ${Date.now() - started} ms)`);
  if (app.scaleOut.describe) console.log(`Scale-out: ${app.scaleOut.describe}`);
  if (!app.store.chapterName())
    console.log(
      'Sync is off until the chapter is set up: npm run server -- init --chapter "<name>" --name "<admin>" --email <email>',
    );
  const stop = (signal: string) => {
    console.log(`${signal}: stopping`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') console.error(`Port ${config.port} is in use: set PORT to another one.`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
