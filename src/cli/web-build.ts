import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;
export const WEB_ROOT = join(ROOT, 'dist/web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/web is missing or older than any web or program source. */
export function webBuildIsStale(): boolean {
  const index = join(WEB_ROOT, 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(newestMtime(join(ROOT, 'src/web')), newestMtime(join(ROOT, 'src/programs')));
  return sources > statSync(index).mtimeMs;
}

/** Builds the web app with Vite (about 10–30 s); throws when the build fails. */
export function buildWeb(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The web app did not build (see the messages above).');
}
