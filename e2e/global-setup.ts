import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Build the web app once for all journeys (each journey file starts its own server: e2e/file-server.ts). */
export default function setup() {
  const dist = path.join(root, 'apps/web/dist/index.html');
  if (!fs.existsSync(dist) || process.env.CI) {
    const r = spawnSync('npm', ['run', 'build', '-w', '@notoneless/web'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('web build failed');
  }
}
