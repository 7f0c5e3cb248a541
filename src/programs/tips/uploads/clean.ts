import { AppError } from '../../../core/errors.js';
import type { TipsSettings } from '../settings.js';
import { cleanImage } from './image.js';
import { cleanVideo } from './mp4.js';
import { cleanPdf } from './pdf.js';
import { ACCEPTED_TYPES, sniffType, type SniffedType } from './sniff.js';

export interface CleanFile extends SniffedType {
  bytes: Buffer;
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Checks a file by content and size, then strips its metadata. Refusals name the reason (type or size);
 * a file that claims a type but does not decode as one is refused rather than stored unchecked.
 */
export async function cleanUpload(bytes: Buffer, settings: TipsSettings): Promise<CleanFile> {
  const type = sniffType(bytes);
  if (!type) {
    throw new AppError(415, 'unsupported_file', `This kind of file is not accepted. Send photos (JPEG, PNG, GIF, WebP), video (MP4, MOV, 3GP), PDF or plain text.`, { accepted: ACCEPTED_TYPES });
  }
  const limit = settings.maxBytes[type.kind];
  if (bytes.length > limit) throw new AppError(413, 'file_too_large', `This ${type.kind} is larger than ${megabytes(limit)}.`, { kind: type.kind, limit, limitMegabytes: Math.round(limit / (1024 * 1024)) });
  try {
    switch (type.kind) {
      case 'image': return { ...type, bytes: await cleanImage(bytes, type.mime) };
      case 'video': return { ...type, bytes: cleanVideo(bytes).bytes };
      case 'document': return { ...type, bytes: type.mime === 'application/pdf' ? cleanPdf(bytes).bytes : bytes };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(415, 'unreadable_file', `This file could not be read as ${type.mime}; it may be damaged.`, { kind: type.kind });
  }
}
