// The export endpoints: /export/events.{csv,json,ics,bib,csl.json} take the page's own query string and stream the
// whole view, and /export/citation.txt gives one event with its sources as formatted references.
import { once } from 'node:events';
import { Request, Response, Router } from 'express';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode, httpStatusFor } from '../common/errors';
import type { Logger } from '../common/logger';
import { EventService } from '../events/event.service';
import { eventItem, ExportContext, formatReferences, sourceItem } from './export.citations';
import { describeEvents, eventFieldNames, exportPages } from './export.events';
import { EXPORT_FORMATS, ExportFormatName, newExportState } from './export.formats';
import { describeQuery, filterFromQuery } from './export.query';

/** Styles Citation.js ships with its CSL plugin. */
const CITATION_STYLES = ['apa', 'vancouver', 'harvard1'] as const;

function searchParams(req: Request): URLSearchParams {
  // The raw query string, so repeated parameters (kind=A&kind=B) are read the way the page writes them.
  return new URL(req.originalUrl, 'http://local').searchParams;
}

function contextFor(req: Request, params: URLSearchParams): ExportContext {
  return { origin: `${req.protocol}://${req.get('host')}`, takenAt: new Date().toISOString(), query: describeQuery(params) };
}

function sendError(res: Response, req: Request, error: unknown, logger: Logger) {
  const known = error instanceof AppError;
  if (!known)
    logger.error(
      { requestId: req.requestId, err: error instanceof Error ? { message: error.message, stack: error.stack } : error },
      'export failed',
    );
  const code = known ? (error.extensions.code as ErrorCode) : ErrorCode.INTERNAL_SERVER_ERROR;
  const message = known ? error.message : `Internal server error (request id ${req.requestId})`;
  const field = known ? error.extensions.field : undefined;
  res
    .status(httpStatusFor(code))
    .json({ errors: [{ message, extensions: { code, ...(field ? { field } : {}), requestId: req.requestId } }] });
}

async function write(res: Response, chunk: string): Promise<void> {
  if (chunk && !res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
}

export function exportRouter(dataSource: DataSource, logger: Logger): Router {
  const router = Router();
  const fields = eventFieldNames(dataSource);

  for (const name of Object.keys(EXPORT_FORMATS) as ExportFormatName[]) {
    const format = EXPORT_FORMATS[name];
    router.get(`/events.${name}`, async (req, res) => {
      const params = searchParams(req);
      let filter;
      try {
        filter = filterFromQuery(params);
      } catch (error) {
        sendError(res, req, error, logger);
        return;
      }
      const context = contextFor(req, params);
      const state = newExportState();
      let closed = false;
      res.on('close', () => (closed = true));
      const pages = exportPages(dataSource, filter, () => closed);
      try {
        // The first page is read before the headers go out, so a database error can still be a clean error answer.
        const first = await pages.next();
        res.status(200);
        res.type(format.contentType);
        res.setHeader('content-disposition', `attachment; filename="detente-events-${context.takenAt.slice(0, 10)}.${name}"`);
        res.setHeader('cache-control', 'no-store');
        await write(res, format.head(context, fields));
        if (!first.done) await write(res, format.page(first.value, context, fields, state));
        for await (const events of pages) {
          if (closed) return;
          await write(res, format.page(events, context, fields, state));
        }
        res.end(format.tail(context, state));
      } catch (error) {
        if (!res.headersSent) sendError(res, req, error, logger);
        else {
          // Mid-stream the status is gone: cut the connection, so the file is visibly incomplete rather than silently short.
          logger.error({ requestId: req.requestId, err: error instanceof Error ? { message: error.message } : error }, 'export stopped');
          res.destroy();
        }
      }
    });
  }

  router.get('/citation.txt', async (req, res) => {
    const params = searchParams(req);
    try {
      const id = params.get('event')?.trim();
      if (!id || !/^[\w-]{1,100}$/.test(id))
        throw new AppError(ErrorCode.BAD_USER_INPUT, '"event" must be an event id or slug', { field: 'event' });
      const style = params.get('style') ?? 'apa';
      if (!(CITATION_STYLES as readonly string[]).includes(style)) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, `"style" must be one of ${CITATION_STYLES.join(', ')}`, { field: 'style' });
      }
      const found = await new EventService(dataSource).findOne(id);
      if (!found) throw new AppError(ErrorCode.NOT_FOUND, `There is no event ${JSON.stringify(id)}`);
      const context = contextFor(req, new URLSearchParams());
      const [event] = await describeEvents(dataSource, [found]);
      const sources = event.citations.map((c) => sourceItem(c.source, context));
      const text = [
        formatReferences([eventItem(event, context)], style),
        ...(sources.length ? ['', 'Sources:', ...sources.map((item) => formatReferences([item], style))] : []),
      ].join('\n');
      res.setHeader('cache-control', 'no-store');
      res.type('text/plain; charset=utf-8').send(`${text}\n`);
    } catch (error) {
      sendError(res, req, error, logger);
    }
  });

  router.use((req, res) => {
    const formats = Object.keys(EXPORT_FORMATS).map((name) => `/export/events.${name}`);
    sendError(
      res,
      req,
      new AppError(ErrorCode.NOT_FOUND, `No such export; there are ${formats.join(', ')} and /export/citation.txt`),
      logger,
    );
  });

  return router;
}
