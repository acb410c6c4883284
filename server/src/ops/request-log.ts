// One structured log line per HTTP request, carrying the request id the app assigned (and echoes in x-request-id).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../common/logger';

/** Probes hit these every few seconds; they log at debug so the info log shows real traffic. */
const PROBE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** A GraphQL operation name is client-chosen text: log it only when it looks like one. */
export function operationNameOf(req: Request): string | undefined {
  const fromBody = (req.body as { operationName?: unknown } | undefined)?.operationName;
  const name = typeof fromBody === 'string' ? fromBody : typeof req.query?.operationName === 'string' ? req.query.operationName : undefined;
  return name && /^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name) ? name : undefined;
}

/** Must run after the middleware that sets `req.requestId`. */
export function requestLogger(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    // Read now: routers mounted on a path rewrite req.url while they run.
    const requestPath = req.path;
    req.log = logger.child({ requestId: req.requestId });
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // `close` without `finish`: the client went away before the response was sent.
      const status = res.writableFinished ? res.statusCode : 499;
      // GraphQL answers failures with 200 and errors, so the codes decide: a bug logs as an error like a 5xx; the
      // database away (logged once as an outage), bad input, limits and not found as warnings, like a 4xx.
      const errors = (res.locals.outcome as { errorCodes?: string[] } | undefined)?.errorCodes;
      const level =
        status >= 500 || errors?.includes('INTERNAL_SERVER_ERROR')
          ? 'error'
          : status >= 400 || errors?.length
            ? 'warn'
            : PROBE_PATHS.has(requestPath)
              ? 'debug'
              : 'info';
      req.log[level](
        {
          method: req.method,
          path: requestPath,
          status,
          errors,
          ms: Math.round(ms * 10) / 10,
          operation: operationNameOf(req),
          ip: req.ip,
          userAgent: req.header('user-agent'),
        },
        'request',
      );
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}

/**
 * Every GraphQL error a client sees carries the request id (put on the raw error by the app's plugin), whatever
 * shape the error formatter gives it, so a user's report can be matched with the log line.
 */
export function keepRequestId(format: (formatted: GraphQLFormattedError, raw: unknown) => GraphQLFormattedError) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const result = format(formatted, raw);
    const requestId = formatted.extensions?.requestId;
    return requestId ? { ...result, extensions: { ...result.extensions, requestId } } : result;
  };
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The app logger with this request's id bound: use it for anything logged while serving the request. */
    log: Logger;
  }
}
