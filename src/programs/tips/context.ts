import type { Db } from '../../db/types.js';
import type { AuditActor } from '../../core/audit/audit.js';
import type { TipKeys } from './crypto.js';
import type { TipsSettings } from './settings.js';
import type { SmsSender } from './sms/sender.js';
import type { MediaFetcher } from './sms/media.js';
import type { SubmissionBatcher } from './batch.js';
import type { GroupCommit } from './group-commit.js';

/** What every tips service function needs; built once when the routes are mounted. */
export interface TipsContext {
  db: Db;
  keys: TipKeys;
  settings: TipsSettings;
  /** Where staff replies to text tipsters go: Twilio's REST API, or the outbox table in development and tests. */
  sender: SmsSender;
  /** Group commit of web tips (see batch.ts). */
  submissions: SubmissionBatcher;
  /** Group commit of follow-up writes: passphrase checks and tipster messages (see group-commit.ts). */
  followUps: GroupCommit;
  /** Fetches MMS media from the provider; null when no provider credentials are configured. */
  media: MediaFetcher | null;
}

/**
 * The audit actor of every tipster action: a label, never an address. core's audit log has a source_ip column
 * for staff requests; it stays empty here on purpose.
 */
export const PUBLIC_ACTOR: AuditActor = Object.freeze({ label: 'public' });

/** The audit actor of the text-message webhook (the provider, on the tipster's behalf). */
export const SMS_ACTOR: AuditActor = Object.freeze({ label: 'public:sms' });
