/**
 * Removes metadata from MP4/QuickTime/3GP video without re-encoding (no ffmpeg here): boxes that carry
 * metadata — 'udta' (where phones write the GPS position, ©xyz, and the device model), 'meta', 'uuid' (XMP)
 * — are turned into 'free' boxes of the same size with their bytes zeroed, and the creation and modification
 * times in 'mvhd', 'tkhd' and 'mdhd' are zeroed. Sizes and offsets stay as they were, so sample tables that
 * point into 'mdat' remain valid and the video still plays.
 */

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'dinf', 'mvex', 'moof', 'traf']);
const METADATA = new Set(['udta', 'meta', 'uuid', 'ilst', 'XMP_']);
const TIMED = new Set(['mvhd', 'tkhd', 'mdhd']);

interface Box { type: string; start: number; headerSize: number; end: number }

function* boxes(bytes: Buffer, start: number, end: number): Generator<Box> {
  let offset = start;
  while (offset + 8 <= end) {
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    let headerSize = 8;
    if (size === 1) {
      if (offset + 16 > end) throw new Error('video: truncated 64-bit box header');
      size = Number(bytes.readBigUInt64BE(offset + 8));
      headerSize = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < headerSize || offset + size > end) throw new Error(`video: box "${type}" runs past the end of the file`);
    yield { type, start: offset, headerSize, end: offset + size };
    offset += size;
  }
}

function zeroTimes(bytes: Buffer, box: Box): void {
  const body = box.start + box.headerSize;
  if (body + 4 > box.end) return;
  const version = bytes[body];
  // version 1: 64-bit creation and modification times; version 0: 32-bit.
  const width = version === 1 ? 16 : 8;
  if (body + 4 + width <= box.end) bytes.fill(0, body + 4, body + 4 + width);
}

function scrub(bytes: Buffer, start: number, end: number, depth: number): number {
  let removed = 0;
  for (const box of boxes(bytes, start, end)) {
    if (METADATA.has(box.type)) {
      bytes.write('free', box.start + 4, 'latin1');
      bytes.fill(0, box.start + box.headerSize, box.end);
      removed += 1;
    } else if (TIMED.has(box.type)) {
      zeroTimes(bytes, box);
    } else if (CONTAINERS.has(box.type) && depth < 12) {
      removed += scrub(bytes, box.start + box.headerSize, box.end, depth + 1);
    }
  }
  return removed;
}

/** A cleaned copy of the video; throws when the file is not a well-formed ISO media file. */
export function cleanVideo(input: Buffer): { bytes: Buffer; removedBoxes: number } {
  const bytes = Buffer.from(input);
  const removedBoxes = scrub(bytes, 0, bytes.length, 0);
  return { bytes, removedBoxes };
}
