import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { recordAudit } from '../../core/audit/audit.js';
import { permissionCatalogue } from '../../core/people/catalogue.js';
import { createAgencyWithDefaultRoles, listAgencies } from '../../core/people/agencies.js';
import { assertStillHolds, createRole, listRoles, updateRole } from '../../core/people/roles.js';
import { createUser, listUsers, updateUser } from '../../core/people/users.js';
import { programs } from '../../programs/registry.js';
import { actorForAudit } from '../auth/actor.js';
import {
  agencyInput, agencyView, idParams, permissionsView, roleInput, rolePatch, roleView, userInput, userPatch, userView,
} from './admin-schemas.js';

const USERS_MANAGE = 'users:manage';

/**
 * Administration of agencies, users and roles. Users and roles are always those of the actor's own
 * agency: another agency's id answers 404, as if it did not exist.
 */
export async function adminRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const manageUsers = ctx.requirePermission(USERS_MANAGE);
  const manageAgencies = ctx.requirePermission('agencies:manage');
  const catalogue = permissionCatalogue(programs);
  const security = [{ session: [] }];
  const tags = ['admin'];

  app.get('/api/admin/permissions', {
    preHandler: manageUsers,
    schema: { tags, security, summary: 'The permission catalogue (core and programs)', response: { 200: permissionsView } },
  }, async () => Object.fromEntries(Object.entries(catalogue).map(([name, spec]) => [name, { description: spec.description }])));

  app.get('/api/admin/agencies', {
    preHandler: manageAgencies,
    schema: { tags, security, summary: 'All agencies', response: { 200: z.array(agencyView) } },
  }, async () => listAgencies(db));

  app.post('/api/admin/agencies', {
    preHandler: manageAgencies,
    schema: { tags, security, summary: 'Create an agency with its default roles', body: agencyInput, response: { 201: agencyView } },
  }, async (request, reply) => {
    const { agency } = await db.transaction((tx) => createAgencyWithDefaultRoles(tx, request.body, catalogue, actorForAudit(request.actor!)));
    return reply.status(201).send(agency);
  });

  app.get('/api/admin/users', {
    preHandler: manageUsers,
    schema: { tags, security, summary: 'Users of your agency (audited)', response: { 200: z.array(userView) } },
  }, async (request) => {
    const actor = request.actor!;
    const users = await listUsers(db, { agencyId: actor.agencyId });
    // Who can see the staff list (names, emails, lock state) is itself worth knowing: one row per read.
    await recordAudit(db, { actor: actorForAudit(actor), action: 'users.read', targetType: 'agency', targetId: actor.agencyId, outcome: 'success', details: { count: users.length } });
    return users;
  });

  app.post('/api/admin/users', {
    preHandler: manageUsers,
    schema: { tags, security, summary: 'Create a user in your agency', body: userInput, response: { 201: userView } },
  }, async (request, reply) => {
    const actor = request.actor!;
    const { roleIds, ...rest } = request.body;
    const user = await db.transaction((tx) => createUser(tx, { ...rest, agencyId: actor.agencyId, roleIds }, actorForAudit(actor)));
    return reply.status(201).send(user);
  });

  app.patch('/api/admin/users/:id', {
    preHandler: manageUsers,
    schema: { tags, security, summary: 'Change, disable, unlock or reset MFA of a user of your agency', params: idParams, body: userPatch, response: { 200: userView } },
  }, async (request) => {
    const actor = request.actor!;
    return db.transaction(async (tx) => {
      const user = await updateUser(tx, actor.agencyId, request.params.id, request.body, actorForAudit(actor));
      if (user.id === actor.userId) await assertStillHolds(tx, actor.userId, USERS_MANAGE);
      return user;
    });
  });

  app.get('/api/admin/roles', {
    preHandler: manageUsers,
    schema: { tags, security, summary: 'Roles of your agency', response: { 200: z.array(roleView) } },
  }, async (request) => listRoles(db, request.actor!.agencyId));

  app.post('/api/admin/roles', {
    preHandler: manageUsers,
    schema: { tags, security, summary: 'Create a role in your agency', body: roleInput, response: { 201: roleView } },
  }, async (request, reply) => {
    const actor = request.actor!;
    const role = await db.transaction((tx) => createRole(tx, actor.agencyId, request.body, catalogue, actorForAudit(actor)));
    return reply.status(201).send(role);
  });

  app.patch('/api/admin/roles/:id', {
    preHandler: manageUsers,
    schema: { tags, security, summary: 'Change a role of your agency', params: idParams, body: rolePatch, response: { 200: roleView } },
  }, async (request) => {
    const actor = request.actor!;
    return db.transaction(async (tx) => {
      const role = await updateRole(tx, actor.agencyId, request.params.id, request.body, catalogue, actorForAudit(actor));
      // Taking users:manage off a role the actor holds would leave them unable to undo it.
      await assertStillHolds(tx, actor.userId, USERS_MANAGE);
      return role;
    });
  });
}
