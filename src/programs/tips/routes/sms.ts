import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../../core/errors.js';
import type { TipsContext } from '../context.js';
import { handleInboundSms, type InboundSms } from '../sms/inbound.js';
import { validTwilioSignature, type FormParams } from '../sms/twilio-signature.js';
import { expireQuietConversations } from '../staff/messages.js';
import { rateLimit } from './public.js';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** TwiML: the reply Twilio sends back to the tipster, or an empty answer. */
export const twiml = (reply: string | null) =>
  `<?xml version="1.0" encoding="UTF-8"?><Response>${reply ? `<Message>${escapeXml(reply)}</Message>` : ''}</Response>`;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The fields used, out of Twilio's form; unknown extra fields were already covered by the signature. */
export function readInbound(params: FormParams): InboundSms {
  const messageSid = single(params.MessageSid) ?? single(params.SmsMessageSid);
  const from = single(params.From);
  if (!messageSid || !from) throw badRequest('MessageSid and From are required');
  const count = Math.min(Number(single(params.NumMedia) ?? 0) || 0, 10);
  const mediaUrls: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const url = single(params[`MediaUrl${i}`]);
    if (url) mediaUrls.push(url);
  }
  return { messageSid, from, body: single(params.Body) ?? '', mediaUrls };
}

/** The URL Twilio signed: the configured public URL, or this request's own (behind a proxy, configure it). */
const signedUrl = (ctx: TipsContext, request: FastifyRequest) => ctx.settings.twilio.webhookUrl ?? `${request.protocol}://${request.host}${request.url}`;

/**
 * Text tipping: Twilio's inbound-message webhook (form fields MessageSid, From, To, Body, NumMedia,
 * MediaUrlN…). Every request must carry a valid X-Twilio-Signature; the phone number in From goes no further
 * than the keyed hash and the sealed relay (see sms/inbound.ts).
 */
export async function smsRoutes(scope: FastifyInstance, ctx: TipsContext) {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const params: FormParams = {};
    for (const [name, value] of new URLSearchParams(body as string)) {
      const existing = params[name];
      params[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
    done(null, params);
  });

  scope.post('/sms/twilio', {
    config: rateLimit(ctx.settings.limits.sms),
    schema: { tags: ['tips (text messages)'], summary: "Twilio inbound-message webhook (form-encoded, signed)", consumes: ['application/x-www-form-urlencoded'] },
  }, async (request, reply) => {
    const token = ctx.settings.twilio.authToken;
    if (!token) throw new AppError(503, 'sms_not_configured', 'Text tipping is not configured on this server.');
    const params = (request.body ?? {}) as FormParams;
    const signature = request.headers['x-twilio-signature'];
    if (!validTwilioSignature(token, signedUrl(ctx, request), params, typeof signature === 'string' ? signature : undefined)) {
      throw new AppError(403, 'bad_signature', 'The request signature is not valid.');
    }
    await expireQuietConversations(ctx.db, ctx.settings.smsRelayDays);
    const result = await handleInboundSms(ctx, readInbound(params));
    return reply.header('content-type', 'text/xml; charset=utf-8').send(twiml(result.reply));
  });
}
