import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { actorForAudit } from '../../core/audit/actor.js';
import { assessProblem } from './assessment.js';
import { assign, createMeeting, endAssignment, listAssignments, listCoverage, listEngagements, listMeetings, logEngagement } from './community.js';
import { linkHotSpots } from './hotspots.js';
import { addResponse, createProblem, getProblem, linkIncidents, listProblems, setStage, updateProblem } from './problems.js';
import {
  assessmentInput, assignmentEnd, assignmentInput, engagementInput, idParam, linkIncidentsInput, meetingInput, problemInput, problemPatch,
  responseInput, stageInput,
} from './validation.js';

/** Mounted at /api/programs/problems. */
export async function problemRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const read = ctx.requirePermission('problems:read');
  const manage = ctx.requirePermission('problems:manage');
  const assignP = ctx.requirePermission('problems:assign');
  const engage = ctx.requirePermission('problems:engage');
  const respond = ctx.requirePermission('problems:respond');
  const tags = ['problems'];
  const a = (request: FastifyRequest) => actorForAudit(request.actor!);
  const agency = (request: FastifyRequest) => request.actor!.agencyId;

  app.get('/coverage', { preHandler: read, schema: { tags, summary: 'CRT zones and SCO posts with who covers them now' } }, async (r) => listCoverage(ctx.db, agency(r)));
  app.get('/assignments', { preHandler: read, schema: { tags, summary: 'Who covered which area, and when', querystring: z.object({ areaId: z.coerce.number().int().positive().optional() }) } },
    async (r) => listAssignments(ctx.db, agency(r), r.query.areaId));
  app.post('/assignments', { preHandler: assignP, schema: { tags, summary: 'Assign a team or officer to a CRT zone or SCO post', body: assignmentInput } },
    async (r, reply) => reply.status(201).send({ id: await assign(ctx.db, agency(r), r.body, a(r)) }));
  app.post('/assignments/:id/end', { preHandler: assignP, schema: { tags, summary: 'End an assignment (kept as history)', params: idParam, body: assignmentEnd } }, async (r, reply) => {
    await endAssignment(ctx.db, agency(r), r.params.id, r.body.endsOn, a(r));
    return reply.status(204).send();
  });

  app.get('/', { preHandler: read, schema: { tags, summary: "The agency's problems" } }, async (r) => listProblems(ctx.db, agency(r)));
  app.post('/', { preHandler: manage, schema: { tags, summary: 'Open a problem (scanning)', body: problemInput } },
    async (r, reply) => reply.status(201).send(await getProblem(ctx.db, agency(r), await createProblem(ctx.db, agency(r), r.body, a(r)))));
  app.get('/:id', { preHandler: read, schema: { tags, summary: 'One problem with timeline, responses, meetings, incidents', params: idParam } },
    async (r) => getProblem(ctx.db, agency(r), r.params.id));
  // Partners see what they need to record their part: the problem's name, stage, area and responses.
  app.get('/:id/brief', { preHandler: respond, schema: { tags, summary: 'A problem as a partner needs it', params: idParam } }, async (r) => {
    const p = await getProblem(ctx.db, agency(r), r.params.id);
    return { id: p.id, title: p.title, stage: p.stage, areaName: p.areaName, responses: p.responses };
  });
  app.patch('/:id', { preHandler: manage, schema: { tags, summary: 'Change a problem: description, area, categories, analysis, response start', params: idParam, body: problemPatch } }, async (r) => {
    await updateProblem(ctx.db, agency(r), r.params.id, r.body, a(r));
    return getProblem(ctx.db, agency(r), r.params.id);
  });
  app.post('/:id/stage', { preHandler: manage, schema: { tags, summary: 'Move to the next (or previous) SARA stage', params: idParam, body: stageInput } }, async (r) => {
    await setStage(ctx.db, agency(r), r.params.id, r.body.stage, r.body.note, a(r));
    return getProblem(ctx.db, agency(r), r.params.id);
  });
  app.post('/:id/incidents', { preHandler: manage, schema: { tags, summary: 'Link incidents (by id, or from the area)', params: idParam, body: linkIncidentsInput } },
    async (r) => ({ linked: await linkIncidents(ctx.db, agency(r), r.params.id, r.body, a(r)) }));
  app.post('/:id/hotspots', { preHandler: manage, schema: { tags, summary: 'Link the current Gi* hot spots inside the area', params: idParam } },
    async (r) => linkHotSpots(ctx.db, agency(r), r.params.id, a(r)));
  app.post('/:id/responses', { preHandler: respond, schema: { tags, summary: 'Record a response taken (police or partner)', params: idParam, body: responseInput } }, async (r, reply) => {
    await addResponse(ctx.db, agency(r), r.params.id, r.body, a(r));
    return reply.status(201).send(await getProblem(ctx.db, agency(r), r.params.id));
  });
  app.post('/:id/assessment', { preHandler: manage, schema: { tags, summary: 'Assess: before/after counts and the Weighted Displacement Quotient', params: idParam, body: assessmentInput } },
    async (r) => assessProblem(ctx.db, agency(r), r.params.id, r.body, a(r)));

  app.get('/meetings', { preHandler: read, schema: { tags, summary: 'Neighborhood meetings' } }, async (r) => listMeetings(ctx.db, agency(r)));
  app.post('/meetings', { preHandler: manage, schema: { tags, summary: 'Record a neighborhood meeting', body: meetingInput } },
    async (r, reply) => reply.status(201).send({ id: await createMeeting(ctx.db, agency(r), r.body, a(r)) }));

  app.get('/engagements', { preHandler: read, schema: { tags, summary: 'The SCO engagement log' } }, async (r) => listEngagements(ctx.db, agency(r)));
  app.post('/engagements', { preHandler: engage, schema: { tags, summary: 'Log an SCO contact, referral or activity (not arrests)', body: engagementInput } },
    async (r, reply) => reply.status(201).send({ id: await logEngagement(ctx.db, agency(r), r.actor!.userId, r.body, a(r)) }));
}
