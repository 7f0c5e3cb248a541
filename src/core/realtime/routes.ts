import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { ProgramRouteContext } from '../program/define.js';
import { unauthorized } from '../errors.js';
// The stream re-checks its session without touching it (a console left open must still time out), so it
// needs the session table's rules; they belong to the server's auth module.
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, SESSION_IDLE_MS, hashToken } from '../../server/auth/session.js';
import { realtimeHub, type DeliveredMessage } from './hub.js';

/** Timing of the stream; tests shorten it. */
export const realtimeTiming = {
  /** A comment line this often keeps proxies from closing a quiet stream and notices a dead session. */
  heartbeatMs: 15_000,
  /** What the browser waits before reconnecting after a drop. */
  retryMs: 3_000,
};

/** One SSE frame. `data` is JSON on one line, so no line of it can end the frame early. */
export function sseFrame(message: Pick<DeliveredMessage, 'id' | 'type'> & { data: unknown }): string {
  return `id: ${message.id}\nevent: ${message.type}\ndata: ${JSON.stringify(message.data)}\n\n`;
}

/**
 * GET /api/realtime/stream: server-sent events for the signed-in staff member's agency. Any active session may
 * open it; each message is filtered by its own permission. Sends `ready` first, a heartbeat comment every
 * `heartbeatMs`, and replays messages missed since the browser's Last-Event-ID. The stream ends when the
 * session does (sign-out, idle or absolute timeout) with a `session-ended` event.
 */
export async function realtimeRoutes(app: FastifyInstance, ctx: ProgramRouteContext) {
  const hub = realtimeHub(ctx.db);
  const open = new Set<ServerResponse>();
  // Open streams would keep the server from closing; end them first.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end();
  });

  app.get('/api/realtime/stream', {
    schema: { tags: ['realtime'], summary: "Server-sent events for the signed-in user's agency (text/event-stream)" },
  }, async (request, reply) => {
    const actor = request.actor;
    if (!actor) throw unauthorized();
    const tokenHash = hashToken(request.cookies[SESSION_COOKIE] ?? '');
    const lastId = Number(request.headers['last-event-id'] ?? 0) || 0;

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Reverse proxies (nginx) would otherwise buffer the stream and deliver alerts late.
      'x-accel-buffering': 'no',
    });
    open.add(raw);
    const client = { agencyId: actor.agencyId, permissions: actor.permissions, send: (m: DeliveredMessage) => raw.write(sseFrame(m)) };
    raw.write(`retry: ${realtimeTiming.retryMs}\n\n`);
    raw.write(sseFrame({ id: 0, type: 'ready', data: { agencyId: actor.agencyId } }));
    for (const missed of hub.missedSince(client, lastId)) client.send(missed);
    const unsubscribe = hub.subscribe(client);

    const sessionAlive = async () => {
      const rows = await ctx.db.query<{ ok: boolean }>(
        `SELECT (stage = 'active' AND last_seen_at > now() - make_interval(secs => $2) AND created_at > now() - make_interval(secs => $3)) AS ok
           FROM sessions WHERE token_hash = $1`,
        [tokenHash, SESSION_IDLE_MS / 1000, SESSION_ABSOLUTE_MS / 1000],
      );
      return rows[0]?.ok === true;
    };
    const heartbeat = setInterval(() => {
      sessionAlive().then((alive) => {
        if (raw.writableEnded) return;
        if (alive) raw.write(': heartbeat\n\n');
        else {
          raw.write(sseFrame({ id: 0, type: 'session-ended', data: {} }));
          raw.end();
        }
      }, () => { if (!raw.writableEnded) raw.write(': heartbeat\n\n'); });
    }, realtimeTiming.heartbeatMs);
    heartbeat.unref();
    raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(raw);
    });
  });
}
