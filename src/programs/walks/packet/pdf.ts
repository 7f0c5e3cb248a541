/**
 * The walk packet as a PDF (pdfkit, pure JavaScript): the plan and the canvass map, the talking points and
 * resources, and a page of tip-line cards to cut out. Helvetica covers Spanish accents (WinAnsi).
 */
import PDFDocument from 'pdfkit';
import qrcode from 'qrcode-generator';
import type { Packet } from './content.js';
import { scaleBarMetres, type MapScene } from './scene.js';
import { fill } from './text.js';

type Doc = PDFKit.PDFDocument;
const MARGIN = 48;
const INK = '#1b1b1b';
const BLUE = '#1a4480';
const RED = '#b50909';
const GREY = '#565c65';

/** Renders the packet; resolves with the PDF bytes. */
export function packetPdf(packet: Packet): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: MARGIN, info: { Title: `${packet.text.title} — ${packet.walk.title}`, Author: packet.walk.agencyName }, lang: packet.language });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  planPage(doc, packet);
  doc.addPage();
  pointsPage(doc, packet);
  doc.addPage();
  tipCards(doc, packet);
  doc.end();
  return done;
}

function heading(doc: Doc, text: string, size = 14) {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor(INK).text(text).moveDown(0.2).font('Helvetica').fontSize(10);
}

function planPage(doc: Doc, p: Packet) {
  const t = p.text;
  if (p.walk.isDemo) doc.font('Helvetica-Bold').fontSize(9).fillColor(RED).text(t.demo);
  doc.font('Helvetica-Bold').fontSize(20).fillColor(BLUE).text(t.title);
  doc.font('Helvetica-Bold').fontSize(14).fillColor(INK).text(p.walk.title);
  doc.font('Helvetica').fontSize(9).fillColor(GREY).text(`${p.walk.agencyName} · #${p.walk.id}`).moveDown(0.4);
  doc.fontSize(10).fillColor(INK);
  doc.font('Helvetica-Bold').text(`${t.when}: `, { continued: true }).font('Helvetica').text(p.walk.scheduledFor ?? t.notScheduled);
  doc.font('Helvetica').fillColor(GREY).text(p.walk.dueText).fillColor(INK);
  if (p.walk.meetingPoint) doc.font('Helvetica-Bold').text(`${t.meetingPoint}: `, { continued: true }).font('Helvetica').text(p.walk.meetingPoint);
  doc.font('Helvetica-Bold').text(`${t.team}: `, { continued: true }).font('Helvetica')
    .text(p.team.length ? p.team.map((m) => `${m.name} (${m.role}${m.organisation ? `, ${m.organisation}` : ''})`).join('; ') : t.noTeam);
  heading(doc, t.map, 12);
  const top = doc.y;
  const size = Math.min(doc.page.width - 2 * MARGIN, doc.page.height - MARGIN - top - 110);
  drawMap(doc, p.scene, MARGIN, top, size, p);
  doc.y = top + size + 8;
  doc.x = MARGIN;
  doc.fontSize(8).fillColor(GREY).text(t.mapNote, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  const blocks = p.scene.blocks.map((b) => `${b.label} (${b.count})`).join(' · ');
  if (blocks) doc.moveDown(0.3).fillColor(INK).font('Helvetica-Bold').text(`${t.nearbyBlocks}: `, { continued: true }).font('Helvetica').text(blocks);
}

/** The scene in a square box: areas, canvass, incidents, block labels, legend, scale bar and north arrow. */
function drawMap(doc: Doc, scene: MapScene, left: number, top: number, size: number, p: Packet) {
  const scale = size / (2 * scene.halfSize);
  const X = (x: number) => left + size / 2 + x * scale;
  const Y = (y: number) => top + size / 2 - y * scale;
  doc.save().rect(left, top, size, size).fillAndStroke('#f0f0f0', GREY).restore();
  doc.save().rect(left, top, size, size).clip();
  const path = (rings: Array<Array<[number, number]>>) => {
    for (const ring of rings) ring.forEach(([x, y], i) => (i === 0 ? doc.moveTo(X(x), Y(y)) : doc.lineTo(X(x), Y(y))));
  };
  for (const area of scene.areas) {
    path(area.rings);
    doc.lineWidth(0.8).dash(4, { space: 3 }).strokeColor(GREY).stroke().undash();
  }
  if (scene.canvass.kind === 'circle') doc.circle(X(0), Y(0), scene.canvass.radius * scale);
  else path(scene.canvass.rings);
  doc.fillOpacity(0.15).lineWidth(2).fillAndStroke(BLUE, BLUE).fillOpacity(1);
  for (const i of scene.incidents) doc.circle(X(i.x), Y(i.y), 2.6).fill(RED);
  doc.circle(X(0), Y(0), 4).lineWidth(1.5).fillAndStroke('#ffffff', INK);
  doc.font('Helvetica').fontSize(6.5);
  // A label that would cover one already drawn is left out (the list under the map names every block).
  const placed: Array<{ x: number; y: number; w: number }> = [];
  for (const b of scene.blocks) {
    const label = b.label;
    const w = doc.widthOfString(label) + 4;
    const x = Math.min(Math.max(X(b.x) + 4, left + 2), left + size - w - 2);
    const y = Math.min(Math.max(Y(b.y) - 4, top + 2), top + size - 10);
    if (placed.some((o) => x < o.x + o.w && o.x < x + w && y < o.y + 10 && o.y < y + 10)) continue;
    placed.push({ x, y, w });
    doc.save().fillOpacity(0.85).rect(x, y, w, 9).fill('#ffffff').restore();
    doc.fillColor(INK).text(label, x + 2, y + 1.5, { lineBreak: false });
  }
  doc.restore();
  // North arrow and scale bar, drawn over the frame's bottom-right and top-right corners.
  doc.fontSize(9).font('Helvetica-Bold').fillColor(INK).text('N', left + size - 20, top + 6, { lineBreak: false });
  doc.moveTo(left + size - 16, top + 30).lineTo(left + size - 16, top + 18).lineWidth(1.2).strokeColor(INK).stroke();
  const metres = scaleBarMetres(scene.halfSize);
  const barX = left + size - 12 - metres * scale;
  doc.rect(barX, top + size - 16, metres * scale, 4).fill(INK);
  doc.font('Helvetica').fontSize(7).text(`${metres} m`, barX, top + size - 27, { lineBreak: false });
  // Legend below the frame.
  const y = top + size + 2;
  doc.y = y;
  const legendY = top - 14;
  doc.fontSize(7.5).fillColor(INK);
  doc.circle(left + size - 250, legendY + 3, 3).fillOpacity(0.3).fill(BLUE).fillOpacity(1);
  const canvassLegend = scene.canvass.kind === 'area' ? scene.canvass.name : fill(p.text.legendCanvass, { radius: p.walk.radiusM });
  doc.fillColor(INK).text(canvassLegend, left + size - 244, legendY, { width: 100, height: 10, ellipsis: true, lineBreak: false });
  doc.circle(left + size - 140, legendY + 3, 2.6).fill(RED);
  doc.fillColor(INK).text(p.text.legendIncident, left + size - 134, legendY, { lineBreak: false });
}

function pointsPage(doc: Doc, p: Packet) {
  const t = p.text;
  heading(doc, t.talkingPoints, 16);
  doc.fontSize(11).fillColor(INK);
  p.talkingPoints.forEach((point, i) => doc.text(`${i + 1}. ${point}`, { paragraphGap: 5 }));
  heading(doc, t.resources, 16);
  for (const r of p.resources) {
    doc.font('Helvetica-Bold').fontSize(11).text(r.label, { continued: true }).font('Helvetica').fillColor(GREY).text(` — ${r.contact}`);
    doc.fillColor(INK).fontSize(10).text(r.description, { paragraphGap: 6 });
  }
}

/** Six cards per page, each with the tip line and, when there is a web address, its QR code. */
function tipCards(doc: Doc, p: Packet) {
  const t = p.text;
  const w = (doc.page.width - 2 * MARGIN) / 2;
  const h = (doc.page.height - 2 * MARGIN) / 3;
  for (let k = 0; k < 6; k++) {
    const x = MARGIN + (k % 2) * w;
    const y = MARGIN + Math.floor(k / 2) * h;
    doc.save().lineWidth(0.5).dash(3, { space: 3 }).rect(x, y, w, h).stroke(GREY).undash().restore();
    doc.font('Helvetica-Bold').fontSize(15).fillColor(BLUE).text(t.tipCard, x + 14, y + 14, { width: w - 28 });
    // The QR code sits in the card's bottom-right corner, below these lines: they may use the full width.
    doc.font('Helvetica').fontSize(9.5).fillColor(INK).text(t.tipCardBody, { width: w - 28 });
    doc.moveDown(0.4);
    const lines: Array<[string, string | undefined]> = [[t.tipPhone, p.tipLine.phone], [t.tipText, p.tipLine.text], [t.tipWeb, p.tipLine.web]];
    for (const [label, value] of lines) {
      if (!value) continue;
      doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true, width: w - 28 }).font('Helvetica').text(value);
    }
    doc.font('Helvetica-Bold').fontSize(9).fillColor(RED).text(t.anonymous.toUpperCase(), x + 14, y + h - 24, { lineBreak: false });
    if (p.tipLine.web) drawQr(doc, p.tipLine.web, x + w - 92, y + h - 96, 80);
  }
}

function drawQr(doc: Doc, value: string, x: number, y: number, size: number) {
  const code = qrcode(0, 'M');
  code.addData(value);
  code.make();
  const n = code.getModuleCount();
  const cell = size / n;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) if (code.isDark(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
  }
  doc.fill('#000000');
}
