import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BridgesConfig } from '../../core/config.js';

/** One per-address limit of a public route: at most `max` requests per `windowSeconds`. */
export interface RouteLimit {
  max: number;
  windowSeconds: number;
}

/** Everything the tips program reads from the environment, with safe defaults (abuse protection on). */
export interface TipsSettings {
  limits: {
    /** New tips from one address. */
    submit: RouteLimit;
    /** Tip number + passphrase checks from one address (the per-number throttle is separate and always on). */
    access: RouteLimit;
    /** Follow-up reads, messages and files with an access token. */
    followUp: RouteLimit;
    /** Text-message webhook: every request comes from the provider's addresses, so this is a flood guard only. */
    sms: RouteLimit;
  };
  /** Folder for uploaded files; outside the web root. */
  uploadDir: string;
  maxBytes: { image: number; video: number; document: number };
  /** Minutes a follow-up access token stays valid. */
  accessMinutes: number;
  /** Days a quiet text conversation keeps its relay entry before it is closed and erased. */
  smsRelayDays: number;
  /** Agency that receives text tips (slug); default: the first police agency. */
  smsAgency?: string;
  twilio: {
    /** Verifies X-Twilio-Signature; without it the webhook answers 503 (outside demo mode). */
    authToken?: string;
    accountSid?: string;
    /** The department's number replies are sent from. */
    fromNumber?: string;
    /** The exact public URL configured at Twilio (signatures cover it); default: rebuilt from the request. */
    webhookUrl?: string;
    /** REST API origin (tests point it at a loopback server). */
    apiBase: string;
    /** Origins media may be fetched from (never anything else: no request forgery through MediaUrlN). */
    mediaOrigins: string[];
  };
}

/** The shared token demo mode accepts when none is configured, so the demo can simulate text tipping. */
export const DEMO_TWILIO_TOKEN = 'bridges-demo-twilio-token';

const MB = 1024 * 1024;

/** A config that carries tips overrides (tests, the load test); BridgesConfig itself stays core's. */
export type ConfigWithTips = BridgesConfig & { tips?: TipsOverrides };
export type TipsOverrides = Partial<Omit<TipsSettings, 'limits' | 'twilio' | 'maxBytes'>> & {
  limits?: Partial<TipsSettings['limits']>;
  twilio?: Partial<TipsSettings['twilio']>;
  maxBytes?: Partial<TipsSettings['maxBytes']>;
};

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

const limit = (env: NodeJS.ProcessEnv, name: string, max: number, windowSeconds: number): RouteLimit => ({
  max: positiveInt(env, `BRIDGES_TIPS_${name}_MAX`, max),
  windowSeconds: positiveInt(env, `BRIDGES_TIPS_${name}_WINDOW_SECONDS`, windowSeconds),
});

/**
 * Reads BRIDGES_TIPS_* variables, then applies `config.tips` overrides. Defaults: 10 tips per address per
 * 10 minutes, 20 passphrase checks per 10 minutes, 120 follow-up requests per minute.
 */
export function loadTipsSettings(config: ConfigWithTips, env: NodeJS.ProcessEnv = process.env): TipsSettings {
  const dataRoot = config.dataDir === 'memory' ? join(tmpdir(), `bridges-memory-${process.pid}`) : config.dataDir;
  const base: TipsSettings = {
    limits: {
      submit: limit(env, 'SUBMIT', 10, 600),
      access: limit(env, 'ACCESS', 20, 600),
      followUp: limit(env, 'FOLLOW_UP', 120, 60),
      sms: limit(env, 'SMS', 600, 60),
    },
    uploadDir: env.BRIDGES_TIPS_UPLOAD_DIR || join(dataRoot, 'uploads'),
    maxBytes: {
      image: positiveInt(env, 'BRIDGES_TIPS_MAX_IMAGE_MB', 10) * MB,
      video: positiveInt(env, 'BRIDGES_TIPS_MAX_VIDEO_MB', 50) * MB,
      document: positiveInt(env, 'BRIDGES_TIPS_MAX_DOCUMENT_MB', 10) * MB,
    },
    accessMinutes: positiveInt(env, 'BRIDGES_TIPS_ACCESS_MINUTES', 30),
    smsRelayDays: smsRelayDays(env),
    smsAgency: env.BRIDGES_TIPS_SMS_AGENCY || undefined,
    twilio: {
      authToken: env.TWILIO_AUTH_TOKEN || (config.demoMode ? DEMO_TWILIO_TOKEN : undefined),
      accountSid: env.TWILIO_ACCOUNT_SID || undefined,
      fromNumber: env.TWILIO_FROM_NUMBER || undefined,
      webhookUrl: env.BRIDGES_TIPS_TWILIO_WEBHOOK_URL || undefined,
      apiBase: 'https://api.twilio.com',
      mediaOrigins: ['https://api.twilio.com'],
    },
  };
  const o = config.tips ?? {};
  return {
    ...base,
    ...o,
    limits: { ...base.limits, ...o.limits },
    maxBytes: { ...base.maxBytes, ...o.maxBytes },
    twilio: { ...base.twilio, ...o.twilio },
  };
}

/** Days a quiet text conversation keeps its relay entry (BRIDGES_TIPS_SMS_RELAY_DAYS, default 30). */
export function smsRelayDays(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInt(env, 'BRIDGES_TIPS_SMS_RELAY_DAYS', 30);
}

/** The largest upload of any kind: the route's body limit. */
export const largestUpload = (settings: TipsSettings): number => Math.max(...Object.values(settings.maxBytes));
