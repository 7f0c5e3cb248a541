/**
 * The briefing's city map in vector form (no tiles needed): district outlines, hot-spot cells and active
 * risk-zone circles, fitted into a square. Projected with a local equirectangular frame around the city:
 * at city scale its distortion is far below what a printed page shows.
 */
import type { Converter } from 'proj4';
import type { BriefingContent } from './build.js';

type Doc = PDFKit.PDFDocument;
type Polygon = number[][][];

function polygonsOf(geometry: unknown): Polygon[] {
  const g = geometry as { type: string; coordinates: unknown };
  if (g?.type === 'Polygon') return [g.coordinates as Polygon];
  if (g?.type === 'MultiPolygon') return g.coordinates as Polygon[];
  return [];
}

export function briefingMap(doc: Doc, c: BriefingContent, toLonLat: Converter, left: number, top: number, size: number): void {
  const rings = c.districts.flatMap((d) => polygonsOf(d.geometry).flat());
  const points = rings.flat();
  for (const h of c.hotSpots) points.push([h.lon, h.lat]);
  for (const z of c.riskZones) points.push([z.lon, z.lat]);
  doc.save().rect(left, top, size, size).fillAndStroke('#f0f0f0', '#565c65').restore();
  if (points.length === 0) return;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const kx = Math.cos((midLat * Math.PI) / 180);
  const minX = Math.min(...lons) * kx, maxX = Math.max(...lons) * kx, minY = Math.min(...lats), maxY = Math.max(...lats);
  const scale = (size - 16) / Math.max(maxX - minX, maxY - minY);
  const X = (lon: number) => left + 8 + (lon * kx - minX) * scale + ((size - 16) - (maxX - minX) * scale) / 2;
  const Y = (lat: number) => top + 8 + (maxY - lat) * scale + ((size - 16) - (maxY - minY) * scale) / 2;
  const metresToPt = scale / 111_320;

  doc.save().rect(left, top, size, size).clip();
  for (const ring of rings) {
    ring.forEach(([lon, lat], i) => (i === 0 ? doc.moveTo(X(lon), Y(lat)) : doc.lineTo(X(lon), Y(lat))));
  }
  doc.lineWidth(0.5).strokeColor('#71767a').stroke();
  for (const h of c.hotSpots) {
    // The cell's corners back in lon/lat, so the square is drawn where the analysis put it.
    const half = h.cellSize / 2;
    const [w, s] = toLonLat.forward([h.x - half, h.y - half]);
    const [e, n] = toLonLat.forward([h.x + half, h.y + half]);
    doc.rect(X(w), Y(n), Math.max(2, X(e) - X(w)), Math.max(2, Y(s) - Y(n))).fill(h.confidence >= 3 ? '#b50909' : '#e66f0e');
  }
  for (const z of c.riskZones.filter((zone) => zone.active)) {
    doc.circle(X(z.lon), Y(z.lat), Math.max(3, z.radiusM * metresToPt)).lineWidth(1.2).strokeColor('#1a4480').stroke();
  }
  doc.restore();
}

/** The map's legend as drawn shapes (the PDF's standard fonts have no symbol glyphs). */
export function briefingLegend(doc: Doc, x: number, y: number): number {
  const rows: Array<[(yy: number) => void, string]> = [
    [(yy) => doc.rect(x, yy + 1, 8, 8).fill('#b50909'), 'Hot spot cell, 99% confidence'],
    [(yy) => doc.rect(x, yy + 1, 8, 8).fill('#e66f0e'), 'Hot spot cell, 95% confidence'],
    [(yy) => doc.circle(x + 4, yy + 5, 4).lineWidth(1.2).strokeColor('#1a4480').stroke(), 'Active near-repeat risk zone'],
    [(yy) => doc.moveTo(x, yy + 5).lineTo(x + 8, yy + 5).lineWidth(0.8).strokeColor('#71767a').stroke(), 'District boundary'],
  ];
  rows.forEach(([draw, label], i) => {
    draw(y + i * 13);
    doc.font('Helvetica').fontSize(8.5).fillColor('#1b1b1b').text(label, x + 14, y + i * 13, { lineBreak: false });
  });
  return y + rows.length * 13;
}
