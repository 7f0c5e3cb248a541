/** The I-CAP program's API as its screens use it. */
import { request } from '../../../web/api/client.js';

const BASE = '/api/programs/icap';

export interface Alert {
  id: number; incidentId: number; category: string; occurredAt: string; lon: number; lat: number; hundredBlock: string | null;
  radiusM: number; windowDays: number; riskUntil: string; nearbyRecent: number; walkId: number | null;
  acknowledgedBy: string | null; acknowledgedAt: string | null; createdAt: string;
}
export interface AlertDetail extends Alert {
  nearby: Array<{ id: number; category: string; occurredAt: string; hundredBlock: string | null; lon: number; lat: number }>;
}
export interface CompstatRow {
  category: string; area: string; week: number; weekPrior: number; weekChange: number | null; days28: number; days28Prior: number;
  days28Change: number | null; ytd: number; ytdPrior: number; ytdChange: number | null;
}
export interface BriefingContent {
  agencyName: string; timeZone: string; asOf: string; dataThrough: string | null;
  compstat: { categories: string[]; citywide: CompstatRow[]; districts: CompstatRow[] };
  hotSpots: Array<{ lon: number; lat: number; cellSize: number; z: number; confidence: number; count: number; neighborhood: string | null }>;
  nearRepeat: { radiusM: number; windowDays: number; significant: boolean; sentences: string[]; dataFrom: string; dataTo: string; events: number };
  riskZones: Array<{ incidentId: number; category: string; occurredAt: string; hundredBlock: string | null; lon: number; lat: number; radiusM: number; until: string; active: boolean; nearby: number; neighborhood: string | null }>;
  districts: Array<{ name: string; geometry: unknown }>;
  walks: { due: Array<{ id: number; title: string; status: string; dueFrom: string; dueTo: string; scheduledFor: string | null; overdue: boolean }>; doneLastWeek: number; doneOnTimeLastWeek: number; doorsLastWeek: number } | null;
  problems: { open: Array<{ id: number; title: string; stage: string; areaName: string | null; responses: number }> } | null;
  tips: { lastWeek: number; last28: number; prior28: number; byCategory: Array<{ category: string; count: number }> } | null;
}
export interface BriefingSummary { id: number; asOf: string; generatedAt: string; trigger: string; generatedBy: string | null; isDemo: boolean }
export interface Briefing extends BriefingSummary { content: BriefingContent }
export interface NearRepeat { radiusM: number; windowDays: number; significant: boolean; sentences: string[]; events: number; dataFrom: string; dataTo: string; computedAt: string }

export const icapApi = {
  briefings: () => request<BriefingSummary[]>('GET', `${BASE}/briefings`),
  briefing: (id: number) => request<Briefing>('GET', `${BASE}/briefings/${id}`),
  generate: (asOf?: string) => request<Briefing>('POST', `${BASE}/briefings`, { body: asOf ? { asOf } : {} }),
  nearRepeat: () => request<NearRepeat>('GET', `${BASE}/near-repeat`),
  alerts: () => request<Alert[]>('GET', `${BASE}/alerts`),
  alert: (id: number) => request<AlertDetail>('GET', `${BASE}/alerts/${id}`),
  acknowledge: (id: number) => request<Alert>('POST', `${BASE}/alerts/${id}/acknowledge`),
};

export const briefingPdfUrl = (id: number) => `${BASE}/briefings/${id}/pdf`;

/** A circle as a GeoJSON polygon (64 sides), for drawing a risk zone on the map. */
export function circlePolygon(lon: number, lat: number, radiusM: number): { type: 'Polygon'; coordinates: number[][][] } {
  const ring: number[][] = [];
  const dLat = radiusM / 110_574;
  const dLon = radiusM / (111_320 * Math.cos((lat * Math.PI) / 180));
  for (let i = 0; i <= 64; i++) {
    const a = (i / 64) * 2 * Math.PI;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}
