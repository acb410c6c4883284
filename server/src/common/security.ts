// Security headers: a Content-Security-Policy the page, the explorer and the embed work under, and CORS from config.
import cors from 'cors';
import helmet from 'helmet';
import type { NextFunction, Request, Response } from 'express';

/** Everything the page loads comes from this origin; styles may be inline (vis-timeline positions items that way). */
export function securityHeaders(enabled: boolean) {
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", 'ws:', 'wss:'],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
  };
  const strict = helmet({ contentSecurityPolicy: enabled ? { directives } : false, crossOriginEmbedderPolicy: false });
  // /embed exists to be framed by articles on other sites.
  const embeddable = helmet({
    contentSecurityPolicy: enabled ? { directives: { ...directives, frameAncestors: ['*'] } } : false,
    crossOriginEmbedderPolicy: false,
    frameguard: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  return (req: Request, res: Response, next: NextFunction) =>
    (req.path === '/embed' || req.path.startsWith('/embed/') ? embeddable : strict)(req, res, next);
}

/** CORS for browsers on other origins: only those listed in CORS_ORIGINS ("*" for any); none by default. */
export function corsFor(origins: string[]) {
  return cors({
    origin: origins.includes('*') ? '*' : origins.length ? origins : false,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-request-id'],
    maxAge: 600,
  });
}
