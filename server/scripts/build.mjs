// Builds the server once into dist/ for `npm start`: one ES module per entry,
// with the workspace's TypeScript (shared/ included) and every pure-JS
// dependency bundled in, so `node dist/main.js` starts without a TypeScript
// loader and without resolving hundreds of modules (minified: about 1 MB less
// resident; dist/main.js.map maps it back). better-sqlite3 stays
// external: it is a native addon that loads its compiled binary at run time.
// `tsx src/main.ts` (pnpm dev) stays the way to run the sources.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: serverDir,
  // dist/ sits at the same depth as src/, so paths taken from import.meta.url
  // (the repository root, ../package.json) resolve the same from either.
  entryPoints: { main: 'src/main.ts', memServer: 'src/bench/memServer.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  format: 'esm',
  splitting: true,
  external: ['better-sqlite3'],
  // bundled CommonJS dependencies (pino) call require() for Node's built-ins
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'none',
  // SERVER_MINIFY=0 keeps the layout of the sources (readable CPU profiles: tests/bench/profile.ts)
  minify: process.env.SERVER_MINIFY !== '0',
  // (no keepNames: it wraps every closure made in a hot path in a naming call)
  logLevel: 'warning',
});
console.log('[build] server/dist/main.js');
