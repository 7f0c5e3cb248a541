import type { JobDefinition } from '../../core/jobs/scheduler.js';
import { expireQuietConversations } from './staff/messages.js';

import { smsRelayDays } from './settings.js';

const HOUR = 3600;

/**
 * Erasure that must happen even when nobody uses the system: quiet conversations lose their phone relay, and
 * the counters of wrong passphrases and the hashes of handled MessageSids are forgotten once they are of no use.
 */
export const tipJobs: readonly JobDefinition[] = [
  {
    name: 'tips.expire-sms-relays',
    everySeconds: HOUR,
    run: async ({ db }) => {
      await expireQuietConversations(db, smsRelayDays());
    },
  },
  {
    name: 'tips.forget-counters',
    everySeconds: 6 * HOUR,
    run: async ({ db }) => {
      await db.query("DELETE FROM tip_access_throttle WHERE last_failure_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now())");
      // Twilio retries within hours; a week is ample.
      await db.query("DELETE FROM tip_sms_seen WHERE at < now() - interval '7 days'");
    },
  },
];
