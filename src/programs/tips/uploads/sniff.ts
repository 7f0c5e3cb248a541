/**
 * What a file is, judged by its first bytes and never by its name or the Content-Type the browser claims: a
 * renamed executable is not a photo because it says so.
 */

export type FileKind = 'image' | 'video' | 'document';

export interface SniffedType {
  kind: FileKind;
  mime: string;
  extension: string;
}

const startsWith = (bytes: Buffer, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

// ISO base media brands of camera and phone video (QuickTime, MP4, 3GP). HEIF/AVIF share the container.
const VIDEO_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'M4VP', 'qt  ', '3gp4', '3gp5', '3gp6', '3g2a', 'MSNV', 'dash']);

/** Text is accepted as a document only if it is valid UTF-8 without control bytes (so no binary hides in it). */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(bytes.toString('latin1'))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The accepted type of these bytes, or null (the caller answers 415 with the list of what is accepted). */
export function sniffType(bytes: Buffer): SniffedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg', extension: 'jpg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mime: 'image/png', extension: 'png' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { kind: 'image', mime: 'image/gif', extension: 'gif' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'image', mime: 'image/webp', extension: 'webp' };
  if (ascii(bytes, 4, 8) === 'ftyp' && VIDEO_BRANDS.has(ascii(bytes, 8, 12))) {
    const brand = ascii(bytes, 8, 12);
    if (brand === 'qt  ') return { kind: 'video', mime: 'video/quicktime', extension: 'mov' };
    if (brand.startsWith('3g')) return { kind: 'video', mime: 'video/3gpp', extension: '3gp' };
    return { kind: 'video', mime: 'video/mp4', extension: 'mp4' };
  }
  if (ascii(bytes, 0, 5) === '%PDF-') return { kind: 'document', mime: 'application/pdf', extension: 'pdf' };
  if (isPlainText(bytes)) return { kind: 'document', mime: 'text/plain', extension: 'txt' };
  return null;
}

/** Shown to tipsters when a file is refused. */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4', 'video/quicktime', 'video/3gpp', 'application/pdf', 'text/plain'];
