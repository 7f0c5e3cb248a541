import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../core/errors.js';

/** The one error body every endpoint answers with. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/**
 * Maps errors to clear answers: validation errors name the part and field ("query.from: …"), AppErrors keep
 * their status and message, anything else is a 500 without internals (logged without request data).
 */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? 'request';
    const issues = error.validation.map((issue) => {
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return { field: path ? `${part}.${path}` : part, message: issue.message ?? 'is not valid' };
    });
    const message = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    return reply.status(400).send({ error: { code: 'validation', message, details: { issues } } } satisfies ErrorBody);
  }
  if (error instanceof AppError) {
    return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message, details: error.details } } satisfies ErrorBody);
  }
  const statusCode = (error as FastifyError).statusCode;
  if (statusCode && statusCode >= 400 && statusCode < 500) {
    return reply.status(statusCode).send({ error: { code: (error as FastifyError).code ?? 'bad_request', message: error.message } } satisfies ErrorBody);
  }
  request.log.error({ err: { message: error.message, stack: error.stack } }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on the server.' } } satisfies ErrorBody);
}
