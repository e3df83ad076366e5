// Hocuspocus 4.7 with its SQLite extension on a temporary file, defaults
// otherwise (flushDelay 0, store debounced 2 s / at most 10 s).
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

const database = process.env.DATA_FILE;
if (database === undefined) throw new Error('DATA_FILE is required');
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, extensions: [new SQLite({ database })] });
await server.listen();
console.log(`running at http://127.0.0.1:${server.address.port}`);
process.on('SIGTERM', () => {
  void server.destroy().then(() => process.exit(0));
});
