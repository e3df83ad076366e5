// Starts the real Consent Board server as a child process on port 0 with a
// temporary data directory, serving the built board; stops it in teardown.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface RunningServer {
  url: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
  /** `kill -9`: the process dies at once (its data directory stays until `stop`). */
  kill: () => Promise<void>;
}

/** `env` adds server settings (e.g. FACILITATOR_AWAY_MS) to the defaults. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dist = join(REPO, 'client', 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`The board is not built (${dist}/index.html is missing): run \`pnpm --filter @consent/client build\` first.`);
  }
  const serverDir = join(REPO, 'server');
  if (!existsSync(join(serverDir, 'node_modules', 'tsx'))) throw new Error('tsx is not installed: run `pnpm install`.');
  const dataDir = mkdtempSync(join(tmpdir(), 'consent-e2e-'));
  // node itself, with tsx as a loader (not tsx's launcher, which runs the server in a child): a signal reaches the server
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIST: dist, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 60 s:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /running at (http:\/\/[^\s]+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      log += c.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code} before it was ready:\n${log}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => log,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(force);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
