import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/**
 * Files on disk under the configured upload folder (by default <dataDir>/uploads, never under the web root).
 * Names are random: nothing of the original name, which might carry a person's name, is kept.
 */
export class UploadStore {
  private readonly root: string;

  constructor(folder: string) {
    this.root = resolve(folder, 'tips');
  }

  /** Writes bytes (owner-only permissions) and returns the storage key and the content's SHA-256. */
  save(bytes: Buffer, extension: string): { storageKey: string; sha256: string } {
    const month = new Date().toISOString().slice(0, 7);
    const storageKey = `${month}/${randomBytes(16).toString('hex')}.${extension}`;
    const path = this.pathOf(storageKey);
    mkdirSync(join(this.root, month), { recursive: true, mode: 0o700 });
    writeFileSync(path, bytes, { mode: 0o600, flag: 'wx' });
    return { storageKey, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  read(storageKey: string): Buffer {
    return readFileSync(this.pathOf(storageKey));
  }

  /** Absolute path of a key; refuses anything that would leave the folder. */
  pathOf(storageKey: string): string {
    if (!/^\d{4}-\d{2}\/[0-9a-f]{32}\.[a-z0-9]{2,4}$/.test(storageKey)) throw new Error('Not a storage key of the tips upload store');
    const path = resolve(this.root, storageKey);
    if (!path.startsWith(this.root + sep)) throw new Error('Storage key leaves the upload folder');
    return path;
  }
}
