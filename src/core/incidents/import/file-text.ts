import { createReadStream } from 'node:fs';

export type TextEncodingName = 'utf8' | 'latin1';

/** Normalises the --encoding value; throws naming the accepted ones. */
export function resolveEncoding(value: string | undefined): TextEncodingName {
  const v = (value ?? 'utf8').toLowerCase().replace(/[-_]/g, '');
  if (v === 'utf8') return 'utf8';
  // WHATWG "latin1" is windows-1252, which is what "Latin-1" exports from Windows tools really are.
  if (v === 'latin1' || v === 'iso88591' || v === 'windows1252' || v === 'cp1252') return 'latin1';
  throw new Error(`unsupported encoding "${value}": use utf8 or latin1`);
}

export interface TextChunkOptions {
  encoding?: TextEncodingName;
  /** Bytes per read; small values exercise chunk boundaries in tests. */
  chunkBytes?: number;
  /** Called with the running byte count after each chunk (progress bars). */
  onBytes?: (bytesRead: number) => void;
}

/**
 * Streams a file as decoded text chunks. UTF-8 is decoded strictly: an invalid byte stops the import with the
 * byte offset and the fix, instead of importing mojibake. A byte-order mark is dropped.
 */
export async function* readTextChunks(path: string, options: TextChunkOptions = {}): AsyncGenerator<string> {
  const encoding = options.encoding ?? 'utf8';
  const decoder = new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'windows-1252', { fatal: encoding === 'utf8' });
  const stream = createReadStream(path, { highWaterMark: options.chunkBytes ?? 1 << 20 });
  let bytesRead = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const offset = bytesRead + firstInvalidUtf8(chunk);
        throw new Error(`the file is not valid UTF-8 (invalid byte near offset ${offset}); if it is Latin-1/Windows-1252, pass --encoding latin1`);
      }
      bytesRead += chunk.length;
      options.onBytes?.(bytesRead);
      if (text.length > 0) yield text;
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw new Error('the file is not valid UTF-8 (it ends inside a multi-byte character); if it is Latin-1, pass --encoding latin1');
    }
    if (tail.length > 0) yield tail;
  } finally {
    stream.destroy();
  }
}

/** Index of the first byte that cannot start or continue a UTF-8 sequence (approximate, for the message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) {
      if (i + k < bytes.length && (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}
