import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The engine stays pure: no imports from db/server/web, no clock reads, no network.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('-fixture.ts') ? [path] : [];
  });
}

describe('analytics boundaries', () => {
  const files = sources(new URL('.', import.meta.url).pathname);

  it('imports nothing from db, server or web and nothing that reaches the network or files', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const spec of imports) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/\/(db|server|web)\//);
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:(fs|http|https|net|child_process)/);
      }
    }
  });

  it('never reads the clock', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/Date\.now\(|performance\.now\(|new Date\(\)/);
    }
  });
});
