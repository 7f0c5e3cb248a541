import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import type { Actor } from '../../core/people/permissions.js';
import type { Queryable } from '../../db/types.js';
import { recordAudit } from '../../core/audit/audit.js';
import { AppError, unauthorized } from '../../core/errors.js';
import { loadSecretKey } from '../../core/people/secret-key.js';
import { actorForAudit } from './actor.js';
import { SESSION_COOKIE, deleteSession, findSession, loadActor, type SessionStage } from './session.js';
import { codeStep, passwordStep, type SignInContext } from './sign-in.js';

const signInBody = z.object({ username: z.string().trim().min(1).max(200), password: z.string().min(1).max(1024) });
const codeBody = z.object({ code: z.string().regex(/^\d{6}$/, 'must be the 6 digits from your authenticator app') });
const signInAnswer = z.union([
  z.object({ next: z.literal('mfa') }),
  z.object({ next: z.literal('enroll'), secret: z.string(), otpauthUrl: z.string() }),
]);
const meView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  agency: z.object({ id: z.number(), name: z.string(), slug: z.string(), timeZone: z.string() }),
  permissions: z.array(z.string()),
  locale: z.string(),
});
export type MeView = z.infer<typeof meView>;

// Twenty tries a minute per address is plenty for a person and slows password or code guessing to a crawl.
const STRICT_LIMIT = { rateLimit: { max: 20, timeWindow: '1 minute' } };
// The console asks "who am I" on every page load, so it gets a looser (still bounded) limit.
const ME_LIMIT = { rateLimit: { max: 120, timeWindow: '1 minute' } };

/** The signed-in user as the console needs them: identity, agency, permissions, language. */
export async function describeUser(q: Queryable, actor: Actor): Promise<MeView> {
  const [row] = await q.query<{ locale: string; agency_id: number; name: string; slug: string; time_zone: string }>(
    'SELECT u.locale, a.id AS agency_id, a.name, a.slug, a.time_zone FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1',
    [actor.userId],
  );
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    agency: { id: row.agency_id, name: row.name, slug: row.slug, timeZone: row.time_zone },
    permissions: [...actor.permissions].sort(),
    locale: row.locale,
  };
}

/**
 * Staff sign-in: password, then TOTP (enrolling it at the first sign-in), then an active session in an
 * httpOnly, SameSite=Strict cookie. Every route here has a strict per-address rate limit.
 */
export async function authRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db, config } = ctx;
  const secretKey = loadSecretKey(config);
  const tags = ['auth'];
  const cookieOptions = { httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: '/' } as const;

  if (!config.demoMode) {
    // Sessions outlive restarts: demo sign-ins from an earlier demo-mode run must not carry over.
    await db.query('DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE is_demo)');
  }

  const signInContext = (request: FastifyRequest): SignInContext => ({
    db, secretKey, demoMode: config.demoMode, origin: { ip: request.ip, userAgent: request.headers['user-agent'] },
  });

  const answerCode = async (request: FastifyRequest, reply: FastifyReply, code: string, expected: SessionStage) => {
    const pendingToken = request.cookies[SESSION_COOKIE];
    const session = await findSession(db, pendingToken);
    if (!session || session.stage === 'active') throw new AppError(401, 'no_pending_sign_in', 'No sign-in is waiting for a code. Sign in with your password first.');
    if (session.stage !== expected) {
      const step = session.stage === 'mfa_enroll' ? '/api/auth/enroll' : '/api/auth/mfa';
      throw new AppError(409, 'wrong_step', `This sign-in continues at ${step}.`);
    }
    const token = await codeStep(signInContext(request), session, pendingToken!, code);
    const actor = await loadActor(db, session.user_id, request.ip);
    if (!actor) throw unauthorized();
    reply.setCookie(SESSION_COOKIE, token, cookieOptions);
    return { user: await describeUser(db, actor) };
  };

  app.post('/api/auth/sign-in', {
    config: STRICT_LIMIT,
    schema: { tags, summary: 'Step 1: username and password; starts a pending session', body: signInBody, response: { 200: signInAnswer } },
  }, async (request, reply) => {
    // A new sign-in replaces whatever session this browser had.
    await deleteSession(db, request.cookies[SESSION_COOKIE]);
    const result = await passwordStep(signInContext(request), request.body.username, request.body.password);
    reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
    return result.next === 'mfa' ? { next: 'mfa' as const } : { next: 'enroll' as const, secret: result.secret, otpauthUrl: result.otpauthUrl };
  });

  app.post('/api/auth/mfa', {
    config: STRICT_LIMIT,
    schema: { tags, summary: 'Step 2: the TOTP code; the session becomes active', body: codeBody, response: { 200: z.object({ user: meView }) } },
  }, (request, reply) => answerCode(request, reply, request.body.code, 'mfa_pending'));

  app.post('/api/auth/enroll', {
    config: STRICT_LIMIT,
    schema: { tags, summary: 'Step 2 at the first sign-in: confirms the new TOTP secret with a code', body: codeBody, response: { 200: z.object({ user: meView }) } },
  }, (request, reply) => answerCode(request, reply, request.body.code, 'mfa_enroll'));

  app.post('/api/auth/sign-out', {
    config: STRICT_LIMIT,
    schema: { tags, summary: 'Ends the session (pending or active)' },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = await findSession(db, token);
    if (session) {
      await deleteSession(db, token);
      const actor = await loadActor(db, session.user_id, request.ip);
      await recordAudit(db, {
        actor: actor ? actorForAudit(actor) : { userId: session.user_id, label: 'user', sourceIp: request.ip },
        action: 'auth.sign_out', targetType: 'user', targetId: session.user_id, outcome: 'success', details: { stage: session.stage },
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', {
    config: ME_LIMIT,
    schema: { tags, security: [{ session: [] }], summary: 'The signed-in user, or 401', response: { 200: z.object({ user: meView }) } },
  }, async (request) => {
    if (!request.actor) throw unauthorized();
    return { user: await describeUser(db, request.actor) };
  });
}
