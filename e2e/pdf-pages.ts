/**
 * Looks at a PDF as images: Debian's pdftoppm (poppler-utils, installed by .ci/run) renders each page to a PNG
 * under .test-output/screenshots for people to look at, and to greyscale PGM for the tests to measure. PGM is
 * a header and raw bytes, so measuring needs no image library.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCREENSHOTS } from './harness.js';

export interface PageImage {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  /** Greyscale, 0 = black, 255 = white, row by row. */
  pixels: Uint8Array;
  /** The PNG written for people to look at. */
  png: string;
}

function readPgm(file: string): { width: number; height: number; pixels: Uint8Array } {
  const bytes = readFileSync(file);
  // "P5\n<width> <height>\n<max>\n" then width*height bytes.
  const header: string[] = [];
  let at = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[at]))) at += 1;
    let token = '';
    while (!/\s/.test(String.fromCharCode(bytes[at]))) token += String.fromCharCode(bytes[at++]);
    header.push(token);
  }
  at += 1;
  const [magic, width, height, max] = [header[0], Number(header[1]), Number(header[2]), Number(header[3])];
  if (magic !== 'P5' || max !== 255) throw new Error(`${file}: not an 8-bit PGM (${header.join(' ')})`);
  return { width, height, pixels: new Uint8Array(bytes.buffer, bytes.byteOffset + at, width * height) };
}

/** Renders every page of the PDF: PNGs named `<name>-page-N.png` in SCREENSHOTS, greyscale pixels returned. */
export function renderPdfPages(pdf: Buffer, name: string, dpi = 72): PageImage[] {
  const dir = mkdtempSync(join(tmpdir(), 'bridges-pdf-'));
  try {
    const input = join(dir, 'in.pdf');
    writeFileSync(input, pdf);
    writeFileSync(join(SCREENSHOTS, `${name}.pdf`), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', input, join(SCREENSHOTS, `${name}-page`)]);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', input, join(dir, 'g')]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('g-') && f.endsWith('.pgm')).sort((a, b) => pageOf(a) - pageOf(b));
    const pngs = readdirSync(SCREENSHOTS).filter((f) => f.startsWith(`${name}-page-`) && f.endsWith('.png'));
    return pages.map((file) => {
      const page = pageOf(file);
      const png = pngs.find((p) => pageOf(p) === page);
      if (!png) throw new Error(`pdftoppm wrote no PNG for page ${page} of ${name}`);
      return { page, ...readPgm(join(dir, file)), png: join(SCREENSHOTS, png) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// pdftoppm numbers pages "-1", "-01" or "-001" depending on the page count.
const pageOf = (file: string) => Number(/-(\d+)\.(pgm|png)$/.exec(file)![1]);

/** Variance of the grey levels in a rectangle given as fractions of the page (a blank region has none). */
export function variance(image: PageImage, region = { x: 0, y: 0, w: 1, h: 1 }): number {
  let n = 0, sum = 0, squares = 0;
  forEachPixel(image, region, (v) => { n += 1; sum += v; squares += v * v; });
  const mean = sum / n;
  return squares / n - mean * mean;
}

/** Share of pixels darker than `threshold` in a rectangle given as fractions of the page (text, lines). */
export function darkShare(image: PageImage, region = { x: 0, y: 0, w: 1, h: 1 }, threshold = 100): number {
  let n = 0, dark = 0;
  forEachPixel(image, region, (v) => { n += 1; if (v < threshold) dark += 1; });
  return dark / n;
}

/**
 * Rows of the page (as fractions of its height) with ink within `margin` (a fraction of the width) of the left or
 * right edge: text cut off at a page edge leaves ink there, where page margins should be blank.
 */
export function inkAtSideEdges(image: PageImage, margin = 0.02): number {
  const edge = Math.max(1, Math.floor(image.width * margin));
  let rows = 0;
  for (let y = 0; y < image.height; y += 1) {
    const row = image.pixels.subarray(y * image.width, (y + 1) * image.width);
    let ink = false;
    for (let x = 0; x < edge && !ink; x += 1) ink = row[x] < 200 || row[image.width - 1 - x] < 200;
    if (ink) rows += 1;
  }
  return rows / image.height;
}

function forEachPixel(image: PageImage, region: { x: number; y: number; w: number; h: number }, fn: (v: number) => void): void {
  const x0 = Math.floor(region.x * image.width), x1 = Math.ceil((region.x + region.w) * image.width);
  const y0 = Math.floor(region.y * image.height), y1 = Math.ceil((region.y + region.h) * image.height);
  for (let y = y0; y < y1; y += 1) for (let x = x0; x < x1; x += 1) fn(image.pixels[y * image.width + x]);
}
