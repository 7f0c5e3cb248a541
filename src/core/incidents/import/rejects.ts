import { createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import type { RejectEntry } from './types.js';

/** How many rejects the summary (and the API answer) carries; the file has them all. */
export const SUMMARY_REJECTS = 100;

/** rejects-20240131-142501.csv in the working directory. */
export function defaultRejectsPath(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return resolve(process.cwd(), `rejects-${stamp}.csv`);
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * Rejected rows as CSV (line,reason). The file is created on the first reject only, so a clean import leaves
 * no empty file behind. Only the line number and the reason are written, never the row's values: the source
 * may carry personal data (victim details) that must not be copied around.
 */
export class RejectsFile {
  private stream: WriteStream | null = null;
  private count = 0;
  private error: Error | null = null;
  readonly first: RejectEntry[] = [];

  constructor(readonly path: string) {}

  get written(): number {
    return this.count;
  }

  async add(entry: RejectEntry): Promise<void> {
    this.count += 1;
    if (this.first.length < SUMMARY_REJECTS) this.first.push(entry);
    if (!this.stream) {
      this.stream = createWriteStream(this.path, { encoding: 'utf8' });
      // Kept, and thrown on the next write: an unwritable rejects path must fail the import, not crash it.
      this.stream.on('error', (error) => { this.error = error; });
      this.stream.write('line,reason\n');
    }
    if (this.error) throw new Error(`cannot write the rejects file ${this.path}: ${this.error.message}`);
    if (!this.stream.write(`${entry.line},${csvCell(entry.reason)}\n`)) await once(this.stream, 'drain');
  }

  /** Flushes and closes; returns the path when anything was rejected, else null. */
  async close(): Promise<string | null> {
    if (!this.stream) return null;
    const stream = this.stream;
    this.stream = null;
    if (!this.error) {
      stream.end();
      await once(stream, 'finish').catch((error: Error) => { this.error = error; });
    }
    if (this.error) throw new Error(`cannot write the rejects file ${this.path}: ${this.error.message}`);
    return this.path;
  }
}
