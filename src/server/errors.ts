import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../core/errors.js';

/** The one error body every endpoint answers with. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/**
 * Fastify's own refusals under stable, lower-case codes a client can translate (the FST_ codes are internals
 * that may change between versions).
 */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_body',
};

/** One field's problem in a validation answer: the field, an English message, and a code with its figures. */
export interface ValidationIssue {
  field: string;
  message: string;
  /** required, too_small, too_big, invalid_type, invalid_format, invalid_value, … (zod's issue codes). */
  code: string;
  /** string, number, array…: what was too small or too big. */
  origin?: string;
  minimum?: number;
  maximum?: number;
}

/**
 * The machine-readable part of a zod issue, so clients can say it in the reader's language. A missing field
 * comes as invalid_type "received undefined": it gets its own code, 'required'.
 */
function issueCode(keyword: string, message: string | undefined, params: Record<string, unknown>): Omit<ValidationIssue, 'field' | 'message'> {
  if (keyword === 'invalid_type' && /received undefined$/.test(message ?? '')) return { code: 'required' };
  const figure = (value: unknown) => (typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined);
  return {
    code: keyword,
    ...(typeof params.origin === 'string' ? { origin: params.origin } : {}),
    ...(figure(params.minimum) !== undefined ? { minimum: figure(params.minimum) } : {}),
    ...(figure(params.maximum) !== undefined ? { maximum: figure(params.maximum) } : {}),
  };
}

/**
 * Maps errors to clear answers: validation errors name the part and field ("query.from: …"), AppErrors keep
 * their status, code and message (clients translate by code, with the message as the fallback), anything else is a 500 without internals (logged without request data).
 */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? 'request';
    const issues = error.validation.map((issue) => {
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return { field: path ? `${part}.${path}` : part, message: issue.message ?? 'is not valid', ...issueCode(issue.keyword, issue.message, issue.params) };
    });
    const message = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    return reply.status(400).send({ error: { code: 'validation', message, details: { issues } } } satisfies ErrorBody);
  }
  if (error instanceof AppError) {
    return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message, details: error.details } } satisfies ErrorBody);
  }
  const statusCode = (error as FastifyError).statusCode;
  if (statusCode && statusCode >= 400 && statusCode < 500) {
    const code = (error as FastifyError).code;
    return reply.status(statusCode).send({ error: { code: (code && FASTIFY_CODES[code]) ?? code ?? 'bad_request', message: error.message } } satisfies ErrorBody);
  }
  request.log.error({ err: { message: error.message, stack: error.stack } }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on the server.' } } satisfies ErrorBody);
}

/** @fastify/rate-limit's answer when a limit is reached (a ban, if one is configured, is a 403). */
export function rateLimited(_request: FastifyRequest, context: { statusCode: number; ttl: number }): AppError {
  const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
  return new AppError(context.statusCode, 'rate_limited', `Too many requests. Wait ${seconds} seconds and try again.`, { retryAfterSeconds: seconds });
}
