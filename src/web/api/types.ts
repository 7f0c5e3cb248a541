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
  categories: SummaryCategory[];
}

export interface PublicSummary {
  agencies: AgencySummary[];
}

export type NoticeKind = 'alert' | 'advisory' | 'news';
export type NoticeStatus = 'draft' | 'published' | 'withdrawn';

/** A notice as residents see it. */
export interface PublicNotice {
  id: number;
  kind: NoticeKind;
  title: LocalizedText;
  body: LocalizedText;
  areaName: string | null;
  publishAt: string;
  expiresAt: string | null;
  agencyName: string;
}

/** A notice as staff see it: adds status and area id. */
export interface Notice extends PublicNotice {
  areaId: number | null;
  status: NoticeStatus;
  isDemo: boolean;
}

export interface NoticeInput {
  kind: NoticeKind;
  title: LocalizedText;
  body: LocalizedText;
  areaId?: number | null;
  status?: NoticeStatus;
  publishAt?: string;
  expiresAt?: string | null;
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
  username: string;
  displayName: string;
  email: string | null;
  status: 'active' | 'disabled';
  roles: Array<{ id: number; name: string }>;
  mfaEnrolled: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  roleIds: number[];
}

export interface UserPatch {
  displayName?: string;
  status?: 'active' | 'disabled';
  roleIds?: number[];
  unlock?: true;
  resetMfa?: true;
}

export interface AuditRow {
  id: number;
  at: string;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'success' | 'denied' | 'failure';
  sourceIp: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  limit?: number;
  before?: number;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAt?: number;
}

export const IMPORT_PRESETS = ['philadelphia-shootings', 'chicago-burglary', 'sacramento-2006', 'socrata'] as const;
export type ImportPreset = (typeof IMPORT_PRESETS)[number];

export interface ImportSummary {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejects: Array<{ line: number; reason: string }>;
}
