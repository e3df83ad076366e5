// `tsx src/main.ts`: starts Consent Board from the environment and stops it
// gracefully on SIGINT/SIGTERM.
import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './server.ts';

let config;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

let server;
try {
  server = await startServer(config);
} catch (err) {
  // e.g. EADDRINUSE: one line that says why, not a stack
  console.error(`Consent Board could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
console.log(`Consent Board is running at ${server.url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
