import sharp from 'sharp';

// Decompression bombs: a few kilobytes can claim a gigapixel. 80 megapixels is above any phone camera.
const MAX_PIXELS = 80_000_000;

/**
 * Re-encodes an image so nothing but pixels survives: EXIF (GPS position, camera serial numbers, time), XMP,
 * IPTC, ICC profiles and embedded thumbnails are all dropped, because sharp writes no metadata unless asked.
 * The orientation tag is applied to the pixels first, so the picture still looks the right way up.
 */
export async function cleanImage(bytes: Buffer, mime: string): Promise<Buffer> {
  const animated = mime === 'image/gif' || mime === 'image/webp';
  const image = sharp(bytes, { animated, limitInputPixels: MAX_PIXELS, failOn: 'error' }).autoOrient();
  switch (mime) {
    case 'image/jpeg': return image.jpeg({ quality: 90 }).toBuffer();
    case 'image/png': return image.png().toBuffer();
    case 'image/webp': return image.webp({ quality: 90 }).toBuffer();
    case 'image/gif': return image.gif().toBuffer();
    default: throw new Error(`cleanImage: ${mime} is not an image type this program accepts`);
  }
}
