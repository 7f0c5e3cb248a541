import type { FastifyInstance } from 'fastify';
import type { ProgramRouteContext } from '../../../core/program/define.js';
import { loadSecretKey } from '../../../core/people/secret-key.js';
import { SubmissionBatcher } from '../batch.js';
import type { TipsContext } from '../context.js';
import { GroupCommit } from '../group-commit.js';
import { deriveTipKeys } from '../crypto.js';
import { largestUpload, loadTipsSettings, type ConfigWithTips } from '../settings.js';
import { chooseMediaFetcher } from '../sms/media.js';
import { chooseSender } from '../sms/sender.js';
import { publicTipRoutes } from './public.js';
import { smsRoutes } from './sms.js';
import { staffTipRoutes } from './staff.js';

/** Builds the program's context from the server's: settings, keys derived from the server key, the SMS sender. */
export function tipsContext(ctx: ProgramRouteContext): TipsContext {
  const settings = loadTipsSettings(ctx.config as ConfigWithTips);
  const keys = deriveTipKeys(loadSecretKey(ctx.config));
  return {
    db: ctx.db, keys, settings, submissions: new SubmissionBatcher(ctx.db, keys), followUps: new GroupCommit(ctx.db),
    sender: chooseSender(keys, settings), media: chooseMediaFetcher(settings, largestUpload(settings)),
  };
}

/** Mounted at /api/programs/tips. */
export async function tipRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const tips = tipsContext(ctx);
  // Uploads are raw bytes; the parser exists only inside this program's scope.
  scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: largestUpload(tips.settings) }, (_request, body, done) => done(null, body));
  await publicTipRoutes(scope, tips);
  await smsRoutes(scope, tips);
  await staffTipRoutes(scope, tips, ctx.requirePermission);
}
