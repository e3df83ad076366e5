// Runs a load generator job (loadGenerator.ts) in a child process and returns its result.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Job } from './loadGenerator.ts';

const SCRIPT = fileURLToPath(new URL('./loadGenerator.ts', import.meta.url));
const TESTS_DIR = fileURLToPath(new URL('../..', import.meta.url));

export function runLoad<T>(job: Job): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(job)], {
      cwd: TESTS_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}: ${err}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!) as T);
      } catch {
        reject(new Error(`load generator printed no result: ${out} ${err}`));
      }
    });
  });
}
