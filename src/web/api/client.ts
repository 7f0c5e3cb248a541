/**
 * Typed functions for every endpoint the web app uses. Errors carry the server's code, details and English
 * message ({ error: { code, message, details } }); ErrorAlert says known codes in the reader's language
 * (../i18n/errors.ts) and shows the message for the others.
 */
import type { FeatureCollection, Point, Geometry } from 'geojson';
import type {
  AdminUser, ApiErrorBody, AreaProperties, AuditFilter, AuditRow, AuditVerification, Category, ImportPreset,
  ImportRun, ImportSummary, IncidentFilter, IncidentPage, IncidentProperties, Me, NewUser, ProgramSummary,
  PublicConfig, PublicSummary, Role, SignInAnswer, UserPatch,
} from './types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | undefined>;

export interface RequestOptions {
  query?: Query;
  /** Sent as JSON unless it is a string or a Blob/File (then sent as is, with contentType). */
  body?: unknown;
  contentType?: string;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const unauthorizedListeners = new Set<() => void>();

/**
 * Called when a staff request answers 401 (the session ended: idle timeout, sign-out elsewhere, disabled
 * account), so the console can return to the sign-in page instead of showing errors. Returns the unsubscribe.
 */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/**
 * One API call: JSON in and out, the session cookie attached, failures thrown as ApiError with the server's
 * message. Exported for program screens, which define their own typed calls beside them.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (typeof options.body === 'string' || options.body instanceof Blob) {
    body = options.body;
    headers['content-type'] = options.contentType ?? 'text/plain';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    // fetch only rejects when the server cannot be reached at all.
    throw new ApiError(0, 'network', 'The server could not be reached. Check the connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    // The sign-in steps answer 401 for a wrong password or code: that is not a lost session.
    if (response.status === 401 && !path.startsWith('/api/auth/')) for (const listener of unauthorizedListeners) listener();
    const error = (parsed as ApiErrorBody | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'http', error?.message ?? `${response.status} ${response.statusText}`, error?.details);
  }
  return parsed as T;
}

/** The console's inclusive "to" date becomes the API's exclusive bound: the start of the next day. */
export function exclusiveEnd(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function incidentQuery(filter: IncidentFilter): Query {
  return {
    from: filter.from || undefined,
    to: filter.to ? exclusiveEnd(filter.to) : undefined,
    category: filter.categories?.length ? filter.categories.join(',') : undefined,
    area: filter.areaId,
  };
}

export type IncidentCollection = FeatureCollection<Point, IncidentProperties>;
export type AreaCollection = FeatureCollection<Geometry, AreaProperties>;

export const api = {
  // Public
  config: () => request<PublicConfig>('GET', '/api/config'),
  categories: () => request<Category[]>('GET', '/api/categories'),
  programs: () => request<ProgramSummary[]>('GET', '/api/programs'),
  publicSummary: () => request<PublicSummary>('GET', '/api/public/summary'),

  // Sign-in
  signIn: (username: string, password: string) => request<SignInAnswer>('POST', '/api/auth/sign-in', { body: { username, password } }),
  mfa: (code: string) => request<{ user: unknown }>('POST', '/api/auth/mfa', { body: { code } }),
  enroll: (code: string) => request<{ user: unknown }>('POST', '/api/auth/enroll', { body: { code } }),
  signOut: () => request<void>('POST', '/api/auth/sign-out'),
  /** The signed-in user, or null when there is no active session. */
  me: async (): Promise<Me | null> => {
    try {
      return (await request<{ user: Me }>('GET', '/api/auth/me')).user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },

  // Places and incidents
  areas: (kind?: string) => request<AreaCollection>('GET', '/api/areas', { query: { kind } }),
  incidentsGeoJson: (filter: IncidentFilter) =>
    request<IncidentCollection>('GET', '/api/incidents', { query: { ...incidentQuery(filter), format: 'geojson' } }),
  incidentPage: (filter: IncidentFilter, page: { limit: number; offset: number }) =>
    request<IncidentPage>('GET', '/api/incidents', { query: { ...incidentQuery(filter), format: 'json', ...page } }),
  /** Uploads a CSV file as the request body; the server streams it to disk rather than into memory. */
  importIncidents: (preset: ImportPreset, file: Blob, fileName: string) =>
    request<ImportSummary>('POST', '/api/imports/incidents', { query: { preset, fileName }, body: file, contentType: 'text/csv' }),
  importRuns: () => request<ImportRun[]>('GET', '/api/imports'),

  // Administration
  users: () => request<AdminUser[]>('GET', '/api/admin/users'),
  createUser: (user: NewUser) => request<AdminUser>('POST', '/api/admin/users', { body: user }),
  updateUser: (id: number, patch: UserPatch) => request<AdminUser>('PATCH', `/api/admin/users/${id}`, { body: patch }),
  roles: () => request<Role[]>('GET', '/api/admin/roles'),

  // Audit
  audit: (filter: AuditFilter) => request<AuditRow[]>('GET', '/api/audit', { query: { ...filter } }),
  verifyAudit: () => request<AuditVerification>('GET', '/api/audit/verify'),
};

export type Api = typeof api;
