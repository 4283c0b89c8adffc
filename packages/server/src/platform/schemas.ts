import { z } from 'zod';

/** Keys of projects and environments: lowercase, URL-safe, as flag keys. */
export const RESOURCE_KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export const resourceKey = (what: string) =>
  z
    .string()
    .regex(RESOURCE_KEY, `${what} keys are 1 to 100 characters: lowercase letters, digits, ".", "_" and "-", starting with a letter or digit`);

export const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const description = z.string().max(2000, 'must be at most 2000 characters');
export const version = z.number().int().min(1).max(999_999_999);

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .describe('An error: a stable code, a message for people, and details such as the fields that failed');

/** The usual error responses of an authenticated route, for the OpenAPI document. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  428: errorBody,
} as const;

export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
};

export const isoDate = (date: Date) => date.toISOString();
