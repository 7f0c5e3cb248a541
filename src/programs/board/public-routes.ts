import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { publicMeeting } from './meetings.js';
import { boardAgency, listBoards, publicBoard } from './profile.js';
import { publicQuestions, submitQuestion } from './questions.js';
import { publicBoardView, publicMeetingView, publicQuestionView, questionInput } from './validation.js';

const agencyQuery = z.object({ agency: z.string().max(60).optional() });

/** The resident side: the board's page, meetings with agenda and minutes, questions and answers, asking one. */
export async function publicBoardRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['board (public)'];

  app.get('/public/boards', {
    schema: { tags, summary: 'Agencies that have an advisory board', response: { 200: z.array(z.object({ slug: z.string(), agencyName: z.string(), name: z.record(z.string(), z.string()) })) } },
  }, async () => listBoards(ctx.db));

  app.get('/public/board', { schema: { tags, summary: 'Vision, mission, seats and members, meetings', querystring: agencyQuery, response: { 200: publicBoardView } } },
    async (request) => publicBoard(ctx.db, await boardAgency(ctx.db, request.query.agency)));

  app.get('/public/meetings/:id', {
    schema: { tags, summary: 'One meeting: agenda, minutes, attendance', params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: publicMeetingView } },
  }, async (request) => publicMeeting(ctx.db, request.params.id));

  app.get('/public/questions', { schema: { tags, summary: 'Answered questions, with their answers', querystring: agencyQuery, response: { 200: z.array(publicQuestionView) } } },
    async (request) => publicQuestions(ctx.db, (await boardAgency(ctx.db, request.query.agency)).agencyId));

  app.post('/public/questions', {
    config: { rateLimit: { max: 5, timeWindow: 10 * 60_000 } },
    schema: { tags, summary: 'Ask the Chief a question (no account; moderated before publication)', body: questionInput, response: { 201: z.object({ reference: z.number() }) } },
  }, async (request, reply) => reply.status(201).send(await submitQuestion(ctx.db, await boardAgency(ctx.db, request.body.agency), request.body)));
}
