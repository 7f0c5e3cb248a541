/**
 * Shapes of the HTTP API as the browser receives them (dates arrive as ISO strings). They follow
 * docs/API.md; the web app never imports server code, so these are written out here.
 */
import type { LocalizedText } from '../i18n/index.js';

export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export interface PublicConfig {
  demoMode: boolean;
  tileUrl?: string;
  tileAttribution?: string;
  languages: string[];
}

export interface Category {
  code: string;
  label: LocalizedText;
  nibrsGroup: 'person' | 'property' | 'society' | 'other';
  violent: boolean;
  sensitive: boolean;
}

export interface ProgramSummary {
  id: string;
  name: LocalizedText;
  summary: LocalizedText;
}

export interface SummaryCategory {
  code: string;
  label: LocalizedText;
  current: number;
  previous: number;
}

export interface AgencySummary {
  slug: string;
  name: string;
  periodDays: number;
  currentStart: string;
  currentEnd: string;
  /** False when records start after the previous period begins: then only the current counts are shown. */
  comparable: boolean;
  dataStart: string;
  categories: SummaryCategory[];
}

export interface PublicSummary {
  agencies: AgencySummary[];
}

export type SignInAnswer = { next: 'mfa' } | { next: 'enroll'; secret: string; otpauthUrl: string };

export interface Me {
  id: number;
  username: string;
  displayName: string;
  agency: { id: number; name: string; slug: string; timeZone: string };
  permissions: string[];
  locale?: string | null;
}

export interface AreaProperties {
  id: number;
  kind: string;
  name: string;
  code: string | null;
  incidentCount?: number;
}

export interface IncidentProperties {
  id: number;
  category: string;
  occurredAt: string;
  hundredBlock: string | null;
  offenseText: string | null;
}

export interface IncidentItem {
  id: number;
  sourceId: string;
  category: string;
  offenseCode: string | null;
  offenseText: string | null;
  occurredAt: string;
  timePrecision: 'minute' | 'day';
  hundredBlock: string | null;
  lon: number;
  lat: number;
  victimCount: number | null;
  fatalCount: number | null;
}

export interface IncidentPage {
  items: IncidentItem[];
  total: number;
}

/** What the console's incident views filter by; empty values mean "no restriction". */
export interface IncidentFilter {
  /** YYYY-MM-DD, inclusive */
  from?: string;
  /** YYYY-MM-DD, inclusive in the UI (the client turns it into the API's exclusive bound) */
  to?: string;
  categories?: string[];
  areaId?: number;
}

export interface Role {
  id: number;
  name: string;
  description: string;
  permissions: string[];
}

export interface AdminUser {
  id: number;
  agencyId: number;
  username: string;
  displayName: string;
  email: string | null;
  status: 'active' | 'disabled';
  roles: Array<{ id: number; name: string }>;
  mfaEnrolled: boolean;
  failedSignIns: number;
  lockedUntil: string | null;
  locale: string;
  isDemo: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  email?: string | null;
  password: string;
  roleIds: number[];
}

export interface UserPatch {
  displayName?: string;
  email?: string | null;
  password?: string;
  status?: 'active' | 'disabled';
  roleIds?: number[];
  unlock?: true;
  resetMfa?: true;
}

export interface AuditRow {
  /** bigint in the database: PostgreSQL drivers may send it as a string. */
  id: number | string;
  at: string;
  /** Who acted, e.g. "user:demo.admin" or "demo-loader". */
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'success' | 'denied' | 'failure';
  sourceIp: string | null;
  details: Record<string, unknown>;
  hash: string;
}

export type AuditOutcome = AuditRow['outcome'];

export interface AuditFilter {
  from?: string;
  to?: string;
  /** Exact actor label. */
  actor?: string;
  /** Action prefix, e.g. "incidents.". */
  action?: string;
  outcome?: AuditOutcome;
  limit?: number;
  before?: number;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAt?: { id: number | string; reason: string };
}

export const IMPORT_PRESETS = ['philadelphia-shootings', 'chicago-burglary', 'sacramento-2006', 'socrata'] as const;
export type ImportPreset = (typeof IMPORT_PRESETS)[number];

export interface ImportSummary {
  runId: number;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows folded into another row of the same incident (one row per victim in shooting data). */
  merged: number;
  /** The first rejected rows with the reason (at most 100). */
  rejects: Array<{ line: number; reason: string }>;
}

export interface ImportRun {
  id: number;
  kind: 'incidents' | 'areas';
  fileName: string;
  preset: string | null;
  startedBy: number | null;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'completed' | 'failed';
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: string | null;
}
