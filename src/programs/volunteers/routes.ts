import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { actorForAudit } from '../../core/audit/actor.js';
import type { Actor } from '../../core/people/permissions.js';
import { getVolunteer, listVolunteers, loadPipeline, submitApplication, transitionVolunteer } from './applications.js';
import { hoursReport, hoursReportCsv, listHours, logHours, reviewHours } from './hours.js';
import { addStandardPrograms, createProgram, listAgencyPrograms, listPublicPrograms, updateProgram } from './programs-service.js';
import { cancelSignUp, createShift, listShifts, signUp } from './shifts.js';
import { issueShiftLink, myShifts, signUpByLink } from './self-signup.js';
import {
  applicationInput, hoursInput, hoursListQuery, hoursReportQuery, hoursReview, idParams, programInput, programPatch, shiftInput, signupInput,
  transitionInput, volunteerListQuery,
} from './validation.js';

/** Mounted at /api/programs/volunteers. Public: the program list and applying. Everything else: volunteers:manage. */
export async function volunteerRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const manage = ctx.requirePermission('volunteers:manage');
  const tags = ['volunteers'];
  // Staff routes run after the guard, so the actor is there; this names the agency scope and the audit actor.
  const staff = (request: { actor?: Actor | null }) => {
    const actor = request.actor!;
    return { agencyId: actor.agencyId, audit: { ...actorForAudit(actor), userId: actor.userId } };
  };

  app.get('/public/programs', { schema: { tags, summary: 'Volunteer programs open for applications (public)' } },
    async () => listPublicPrograms(ctx.db));

  // Few people apply twice a minute; a flood of applications is a script.
  app.post('/public/applications', {
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
    schema: { tags, summary: 'Apply to volunteer (public, no account)', body: applicationInput },
  }, async (request, reply) => reply.status(201).header('cache-control', 'no-store').send(await submitApplication(ctx.db, request.body)));

  // A volunteer's own shifts, by the private link a coordinator gave them (the token travels in the body,
  // never in a URL that could be logged or cached).
  const linkBody = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{40,60}$/, 'This link is not complete. Copy the whole link.') });
  const linkLimit = { rateLimit: { max: 60, timeWindow: 10 * 60_000 } };
  app.post('/public/shifts/mine', { config: linkLimit, schema: { tags, summary: "Your program's upcoming shifts, by your private sign-up link", body: linkBody } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await myShifts(ctx.db, request.body.token)));
  app.post('/public/shifts/:id/signup', { config: linkLimit, schema: { tags, summary: 'Sign yourself up for a shift (409 when full)', params: idParams, body: linkBody } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await signUpByLink(ctx.db, request.body.token, request.params.id, true)));
  app.post('/public/shifts/:id/cancel', { config: linkLimit, schema: { tags, summary: 'Cancel your sign-up for a shift', params: idParams, body: linkBody } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await signUpByLink(ctx.db, request.body.token, request.params.id, false)));

  app.get('/pipeline', { preHandler: manage, schema: { tags, summary: 'Pipeline states and allowed transitions' } }, async () => loadPipeline(ctx.db));

  app.get('/programs', { preHandler: manage, schema: { tags, summary: "The agency's volunteer programs" } },
    async (request) => listAgencyPrograms(ctx.db, staff(request).agencyId));
  app.post('/programs', { preHandler: manage, schema: { tags, summary: 'Add a volunteer program', body: programInput } },
    async (request, reply) => reply.status(201).send(await createProgram(ctx.db, staff(request).agencyId, request.body, staff(request).audit)));
  app.post('/programs/standard', { preHandler: manage, schema: { tags, summary: 'Add the standard programs the agency does not have yet' } },
    async (request) => addStandardPrograms(ctx.db, staff(request).agencyId, staff(request).audit));
  app.patch('/programs/:id', { preHandler: manage, schema: { tags, summary: 'Change a volunteer program', params: idParams, body: programPatch } },
    async (request) => updateProgram(ctx.db, staff(request).agencyId, request.params.id, request.body, staff(request).audit));

  app.get('/volunteers', { preHandler: manage, schema: { tags, summary: 'Applicants and volunteers (read audited)', querystring: volunteerListQuery } },
    async (request) => listVolunteers(ctx.db, staff(request).agencyId, request.query, staff(request).audit));
  app.get('/volunteers/:id', { preHandler: manage, schema: { tags, summary: 'One applicant with contact details and timeline (read audited)', params: idParams } },
    async (request) => getVolunteer(ctx.db, staff(request).agencyId, request.params.id, staff(request).audit));
  app.post('/volunteers/:id/transitions', { preHandler: manage, schema: { tags, summary: 'Move an applicant to another state', params: idParams, body: transitionInput } },
    async (request) => transitionVolunteer(ctx.db, staff(request).agencyId, request.params.id, request.body, staff(request).audit));

  app.post('/volunteers/:id/shift-link', {
    preHandler: manage, schema: { tags, summary: 'Issue an active volunteer a private link to sign up for shifts (replaces the old one)', params: idParams },
  }, async (request, reply) => reply.status(201).header('cache-control', 'no-store')
    .send(await issueShiftLink(ctx.db, staff(request).agencyId, request.params.id, staff(request).audit)));
  app.get('/shifts', { preHandler: manage, schema: { tags, summary: 'Shifts from the last week on, with sign-ups' } },
    async (request) => listShifts(ctx.db, staff(request).agencyId));
  app.post('/shifts', { preHandler: manage, schema: { tags, summary: 'Add a shift', body: shiftInput } },
    async (request, reply) => reply.status(201).send(await createShift(ctx.db, staff(request).agencyId, request.body, staff(request).audit)));
  app.post('/shifts/:id/signups', { preHandler: manage, schema: { tags, summary: 'Sign an active volunteer up (409 when full)', params: idParams, body: signupInput } },
    async (request) => signUp(ctx.db, staff(request).agencyId, request.params.id, request.body.volunteerId, staff(request).audit));
  app.delete('/shifts/:id/signups/:volunteerId', {
    preHandler: manage,
    schema: { tags, summary: 'Cancel a sign-up', params: idParams.extend({ volunteerId: z.coerce.number().int().positive() }) },
  }, async (request) => cancelSignUp(ctx.db, staff(request).agencyId, request.params.id, request.params.volunteerId, staff(request).audit));

  app.get('/hours', { preHandler: manage, schema: { tags, summary: 'Logged hours, newest first', querystring: hoursListQuery } },
    async (request) => listHours(ctx.db, staff(request).agencyId, request.query.status));
  app.post('/hours', { preHandler: manage, schema: { tags, summary: 'Log hours (pending until approved)', body: hoursInput } },
    async (request, reply) => reply.status(201).send(await logHours(ctx.db, staff(request).agencyId, request.body, staff(request).audit)));
  app.post('/hours/:id/review', { preHandler: manage, schema: { tags, summary: 'Approve or reject logged hours', params: idParams, body: hoursReview } },
    async (request) => reviewHours(ctx.db, staff(request).agencyId, request.params.id, request.body.status, staff(request).audit));

  app.get('/reports/hours', { preHandler: manage, schema: { tags, summary: 'Approved hours by program and month (JSON or CSV)', querystring: hoursReportQuery } },
    async (request, reply) => {
      const rows = await hoursReport(ctx.db, staff(request).agencyId, request.query);
      if (request.query.format !== 'csv') return rows;
      return reply.header('content-disposition', 'attachment; filename="volunteer-hours.csv"').type('text/csv; charset=utf-8').send(hoursReportCsv(rows));
    });
}
