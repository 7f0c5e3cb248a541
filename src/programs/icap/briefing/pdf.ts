/**
 * The briefing as a PDF for the I-CAP meeting: CompStat on the first page, the map of hot spots and risk
 * zones with their tables on the second, walks, problems and tips on the third. English (the meeting's
 * working language); the web page offers Spanish.
 */
import PDFDocument from 'pdfkit';
import proj4 from 'proj4';
import type { Briefing } from './build.js';
import { briefingLegend, briefingMap } from './map.js';

type Doc = PDFKit.PDFDocument;
const M = 42;
const INK = '#1b1b1b';
const BLUE = '#1a4480';
const RED = '#b50909';
const GREY = '#565c65';

export function briefingPdf(briefing: Briefing, projection: string): Promise<Buffer> {
  const c = briefing.content;
  const doc = new PDFDocument({ size: 'LETTER', margin: M, info: { Title: `I-CAP briefing ${day(c.asOf, c.timeZone)}`, Author: c.agencyName } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });

  if (briefing.isDemo) doc.font('Helvetica-Bold').fontSize(9).fillColor(RED).text('DEMO — generated from public demo data (Philadelphia shootings)');
  doc.font('Helvetica-Bold').fontSize(20).fillColor(BLUE).text('I-CAP weekly briefing');
  doc.font('Helvetica').fontSize(10).fillColor(INK).text(`${c.agencyName} · as of ${day(c.asOf, c.timeZone)} · generated ${day(briefing.generatedAt, c.timeZone)} (${briefing.trigger})`);
  if (c.dataThrough && new Date(c.asOf).getTime() - new Date(c.dataThrough).getTime() > 7 * 86_400_000) {
    doc.fillColor(RED).text(`Incident data end on ${day(c.dataThrough, c.timeZone)}: recent figures are incomplete.`).fillColor(INK);
  }
  heading(doc, 'CompStat: citywide');
  const head = ['Category', '7 days', 'prior yr', 'chg', '28 days', 'prior yr', 'chg', 'YTD', 'prior yr', 'chg'];
  const widths = [118, 44, 44, 46, 44, 44, 46, 44, 44, 46];
  const pct = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${v}%`);
  const row = (r: (typeof c.compstat.citywide)[number], label: string) => [label, r.week, r.weekPrior, pct(r.weekChange), r.days28, r.days28Prior, pct(r.days28Change), r.ytd, r.ytdPrior, pct(r.ytdChange)].map(String);
  table(doc, head, widths, c.compstat.citywide.map((r) => row(r, r.category)));
  heading(doc, 'CompStat: busiest districts (28 days)');
  table(doc, ['District · category', ...head.slice(1)], widths, c.compstat.districts.map((r) => row(r, `${r.area} · ${r.category}`)));

  doc.addPage();
  heading(doc, 'Hot spots and near-repeat risk zones', 14);
  const size = 300;
  const top = doc.y;
  briefingMap(doc, c, proj4(projection, 'WGS84'), M, top, size);
  doc.font('Helvetica').fontSize(9).fillColor(INK);
  const textX = M + size + 14;
  const textW = doc.page.width - M - textX;
  doc.font('Helvetica-Bold').text('Near-repeat pattern of the city\'s shootings', textX, top, { width: textW });
  doc.font('Helvetica').text(`${c.nearRepeat.events} shootings, ${day(c.nearRepeat.dataFrom, c.timeZone)} to ${day(c.nearRepeat.dataTo, c.timeZone)}. `
    + `Heightened risk within ${c.nearRepeat.radiusM} m for ${c.nearRepeat.windowDays} days after a shooting${c.nearRepeat.significant ? '' : ' (no significant pattern: cautious default)'}.`, { width: textW });
  for (const s of c.nearRepeat.sentences.slice(0, 3)) doc.moveDown(0.3).fillColor(GREY).text(s, { width: textW });
  doc.moveDown(0.6).fillColor(INK).font('Helvetica-Bold').text('Legend', { width: textW });
  briefingLegend(doc, textX, doc.y + 4);
  doc.x = M;
  doc.y = top + size + 12;
  heading(doc, 'Current hot spots (Getis-Ord Gi*, shootings of the last 180 days, 250 m cells, 500 m band)');
  table(doc, ['Neighborhood', 'Shootings within 500 m', 'Gi* z', 'Confidence', 'Location'], [150, 110, 50, 70, 148],
    c.hotSpots.map((h) => [h.neighborhood ?? '—', String(h.count), String(h.z), h.confidence >= 3 ? '99%' : '95%', `${h.lat.toFixed(4)}, ${h.lon.toFixed(4)}`]));
  heading(doc, 'Active risk zones (shootings of the last 14 days)');
  const active = c.riskZones.filter((z) => z.active);
  table(doc, ['Block', 'Neighborhood', 'Shot on', 'Risk until', 'Nearby'], [170, 130, 80, 80, 68],
    active.slice(0, 14).map((z) => [z.hundredBlock ?? '—', z.neighborhood ?? '—', day(z.occurredAt, c.timeZone), day(z.until, c.timeZone), String(z.nearby)]));
  if (active.length === 0) doc.fontSize(9).fillColor(GREY).text('No shootings in the last 14 days.');

  // The last section starts on the same page when there is room for its first lines.
  if (doc.y > doc.page.height - 260) doc.addPage();
  heading(doc, 'Neighborhood Impact walks', 14);
  if (!c.walks) doc.fontSize(9).fillColor(GREY).text('The walks program is not installed.');
  else {
    doc.fontSize(9.5).fillColor(INK).text(`Last 7 days: ${c.walks.doneLastWeek} walks done (${c.walks.doneOnTimeLastWeek} on time), ${c.walks.doorsLastWeek} doors knocked.`);
    table(doc, ['Walk', 'Status', 'Due', 'Scheduled'], [230, 80, 130, 88],
      c.walks.due.map((w) => [w.title, w.overdue ? `${w.status} (OVERDUE)` : w.status, `${day(w.dueFrom, c.timeZone)} – ${day(w.dueTo, c.timeZone)}`, w.scheduledFor ? day(w.scheduledFor, c.timeZone) : '—']));
  }
  heading(doc, 'Open problems (SARA)', 14);
  if (!c.problems) doc.fontSize(9).fillColor(GREY).text('The problems program is not installed.');
  else table(doc, ['Problem', 'Area', 'Stage', 'Responses'], [230, 150, 80, 68], c.problems.open.map((p) => [p.title, p.areaName ?? '—', p.stage, String(p.responses)]));
  heading(doc, 'Tips', 14);
  if (!c.tips) doc.fontSize(9).fillColor(GREY).text('The tips program is not installed.');
  else {
    doc.fontSize(9.5).fillColor(INK).text(`${c.tips.lastWeek} tips in the last 7 days; ${c.tips.last28} in the last 28 days against ${c.tips.prior28} in the 28 before.`);
    if (c.tips.byCategory.length) doc.text(`By category (28 days): ${c.tips.byCategory.map((t) => `${t.category} ${t.count}`).join(', ')}.`);
  }
  doc.end();
  return done;
}

function day(value: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone }).format(new Date(value));
}

function heading(doc: Doc, text: string, size = 11.5) {
  doc.x = M;
  // A heading never sits alone at the foot of a page.
  if (doc.y > doc.page.height - M - 60) doc.addPage();
  doc.y += 8;
  doc.font('Helvetica-Bold').fontSize(size).fillColor(INK).text(text).moveDown(0.25).font('Helvetica');
}

/**
 * A plain table: bold header, rules between rows. Cells wrap to at most three lines (longer text ends in an
 * ellipsis); a row that would cross the bottom margin starts a new page, which repeats the header.
 */
function table(doc: Doc, head: string[], widths: number[], rows: string[][]) {
  const total = widths.reduce((a, b) => a + b, 0);
  const LINE = 11;
  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    const tallest = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] - 4 })));
    return Math.min(3 * LINE, Math.max(LINE, Math.ceil(tallest)));
  };
  const line = (cells: string[], bold: boolean) => {
    const h = heightOf(cells, bold);
    if (doc.y + h + 5 > doc.page.height - M) {
      doc.addPage();
      if (!bold) line(head, true);
    }
    const y = doc.y;
    let x = M;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5).fillColor(INK);
    cells.forEach((cell, i) => { doc.text(cell, x + 2, y + 3, { width: widths[i] - 4, height: h, ellipsis: true }); x += widths[i]; });
    doc.moveTo(M, y + h + 3).lineTo(M + total, y + h + 3).lineWidth(0.4).strokeColor(bold ? INK : '#dfe1e2').stroke();
    doc.x = M;
    doc.y = y + h + 4;
  };
  line(head, true);
  if (rows.length === 0) line(['—'], false);
  for (const r of rows) line(r, false);
  doc.y += 4;
}
