import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe('the server process (main.ts)', () => {
  it('shuts down once and cleanly when the stop signal comes twice (Ctrl-C twice, a repeated TERM)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nol-main-'));
    const port = await freePort();
    const onPostgres = process.env.TEST_DB === 'postgres';
    const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        DATABASE_URL: onPostgres ? process.env.TEST_DATABASE_URL : '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    server.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    server.stdout!.resume();
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    try {
      for (let up = false; !up;) {
        if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}: ${stderr}`);
        up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (!up) await new Promise((r) => setTimeout(r, 200));
      }
      server.kill('SIGTERM');
      server.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stderr).not.toMatch(/Error/);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
