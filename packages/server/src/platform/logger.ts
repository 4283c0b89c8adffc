import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.js';

/**
 * Structured JSON logs. Requests are logged by method and path only: no
 * bodies, query strings, headers or tokens, so no personal data reaches them.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'dial' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers', 'headers.authorization', '*.authorization', '*.token', '*.secret'], remove: true },
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, path: req.url?.split('?')[0] }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
