/**
 * Helpers for the tips program's tests (real databases, the real app): an app with tips settings, a signed
 * Twilio webhook request, a text dump of every table, and the app's captured log output.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/types.js';
import { buildApp } from '../../server/app.js';
import { testConfig } from '../../server/auth/testing.js';
import type { ConfigWithTips, TipsOverrides } from './settings.js';
import { twilioSignature, type FormParams } from './sms/twilio-signature.js';

export const TEST_TWILIO_TOKEN = 'test-twilio-auth-token-0123456789';
export const TEST_WEBHOOK_URL = 'https://tips.example.org/api/programs/tips/sms/twilio';

export interface TipsTestApp {
  app: FastifyInstance;
  config: ConfigWithTips;
  /** Every line the app logged (only when built with logger: true). */
  logs: string[];
}

/** The app with a private data dir (so a private server key and upload folder) and test Twilio settings. */
export async function tipsTestApp(db: Db, options: { tips?: TipsOverrides; logger?: boolean; trustProxy?: boolean } = {}): Promise<TipsTestApp> {
  const config: ConfigWithTips = {
    ...testConfig({ trustProxy: options.trustProxy ?? false }),
    tips: { ...options.tips, twilio: { authToken: TEST_TWILIO_TOKEN, webhookUrl: TEST_WEBHOOK_URL, ...options.tips?.twilio } },
  };
  const app = await buildApp({ db, config, logger: options.logger });
  const logs: string[] = [];
  if (options.logger) captureLogStream(app, logs);
  await app.ready();
  return { app, config, logs };
}

/**
 * Redirects the app's pino destination into `lines`. Child loggers (one per request) share the root's
 * destination object, so replacing its write method captures everything the app would print.
 */
function captureLogStream(app: FastifyInstance, lines: string[]): void {
  const symbol = Object.getOwnPropertySymbols(app.log).find((s) => s.description === 'pino.stream');
  if (!symbol) throw new Error('The logger has no pino destination to capture');
  const stream = (app.log as unknown as Record<symbol, { write(chunk: string): boolean }>)[symbol];
  stream.write = (chunk: string) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
}

/** A webhook request as Twilio sends it: form-encoded, with X-Twilio-Signature over the URL and parameters. */
export function twilioRequest(params: FormParams, extraHeaders: Record<string, string> = {}, token = TEST_TWILIO_TOKEN) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return {
    method: 'POST' as const,
    url: '/api/programs/tips/sms/twilio',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(token, TEST_WEBHOOK_URL, params), ...extraHeaders },
    payload: body.toString(),
  };
}

let sid = 0;
/** Twilio's usual fields for one inbound text, plus the extras it sends (FromCity…), which must be ignored. */
export function inboundText(from: string, body: string, extra: FormParams = {}): FormParams {
  sid += 1;
  return {
    ToCountry: 'US', ToState: 'PA', SmsMessageSid: `SM${process.pid}x${sid}`, NumMedia: '0', ToCity: 'PHILADELPHIA', FromZip: '19104',
    SmsSid: `SM${process.pid}x${sid}`, FromState: 'PA', SmsStatus: 'received', FromCity: 'PHILADELPHIA', Body: body, FromCountry: 'US',
    To: '+12155550100', MessagingServiceSid: 'MG0000', ToZip: '19102', NumSegments: '1', MessageSid: `SM${process.pid}x${sid}`,
    AccountSid: 'AC0000', From: from, ApiVersion: '2010-04-01', ...extra,
  };
}

/** The text of every row of every table, as `table: row` lines: what a database dump would reveal. */
export async function dumpDatabase(db: Db): Promise<string> {
  const tables = await db.query<{ schemaname: string; tablename: string }>(
    "SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2");
  const lines: string[] = [];
  for (const { schemaname, tablename } of tables) {
    const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM "${schemaname}"."${tablename}" t`);
    for (const { row } of rows) lines.push(`${tablename}: ${row}`);
  }
  return lines.join('\n');
}

/** Submits a tip from the web form and returns the receipt. */
export async function sendTip(app: FastifyInstance, overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}, remoteAddress?: string) {
  const response = await app.inject({
    method: 'POST', url: '/api/programs/tips/public/tips', headers, remoteAddress,
    payload: { category: 'drugs', description: 'Sales every night from the blue house on the corner.', language: 'en', ...overrides },
  });
  if (response.statusCode !== 201) throw new Error(`tip answered ${response.statusCode}: ${response.body}`);
  return response.json<{ tipNumber: string; passphrase: string | null; accessToken: string; expiresAt: string }>();
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The error code of a JSON error answer. */
export const errorCode = (response: LightMyRequestResponse) => response.json<{ error: { code: string } }>().error.code;

/** Identifying values a phone camera writes: the tests look for them after upload. */
export const CAMERA = { make: 'Acme Phones', model: 'Acme X9 Pro', serial: 'SN-7F3A9C21', gpsLatitude: '39/1 57/1 1234/100', software: 'AcmeOS 17.2' };

/** A small JPEG carrying EXIF GPS coordinates, the camera model, its serial number and an XMP packet. */
export async function photoWithMetadata(): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366aa' } })
    .jpeg()
    .withExif({
      IFD0: { Make: CAMERA.make, Model: CAMERA.model, Software: CAMERA.software, Copyright: CAMERA.serial },
      IFD2: { BodySerialNumber: CAMERA.serial },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: CAMERA.gpsLatitude, GPSLongitudeRef: 'W', GPSLongitude: '75/1 9/1 3000/100' },
    })
    .withXmp(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" aux:SerialNumber="${CAMERA.serial}"/></rdf:RDF></x:xmpmeta>`)
    .toBuffer();
}
