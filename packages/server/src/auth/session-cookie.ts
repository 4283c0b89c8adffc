import type { FastifyRequest } from 'fastify';

/** The cookie a console sign-in sets. */
export const SESSION_COOKIE = 'dial_session';

/** The header a cookie-authenticated write must carry: the CSRF token of its session. */
export const CSRF_HEADER = 'x-csrf-token';

/** The value of the session cookie, if the request has one. */
export function sessionCookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(at + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

/** Whether the client reached us over HTTPS, directly or through a proxy that says so. */
function overHttps(request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return request.protocol === 'https' || first === 'https';
}

/**
 * The Set-Cookie value that stores (or, with `undefined`, clears) the
 * session: HttpOnly so scripts never see it, SameSite=Strict so other sites
 * never send it, Secure whenever the client talks HTTPS.
 *
 * @example
 * reply.header('set-cookie', sessionCookieHeader(request, secret, 7 * 86400));
 */
export function sessionCookieHeader(request: FastifyRequest, secret: string | undefined, maxAgeSeconds: number): string {
  const attributes = [
    `${SESSION_COOKIE}=${secret ?? ''}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/',
    `Max-Age=${secret === undefined ? 0 : maxAgeSeconds}`,
  ];
  if (overHttps(request)) attributes.push('Secure');
  return attributes.join('; ');
}
