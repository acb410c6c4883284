// Readers' corrections: checked and stored apart from the record; editors list and resolve them. Nothing here
// writes to an event.
import { DataSource, EntityManager } from 'typeorm';
import { AppError, badInput, ErrorCode, notFound } from '../common/errors';
import { UUID_PATTERN } from '../common/ids';
import { fetchKeysetPage, PageRequest, SortKey } from '../common/keyset';
import type { ConnectionShape } from '../common/pagination';
import { timestampKeyText } from '../common/timestamp-key';
import { Correction, CorrectionResolution, CorrectionStatus } from './correction.entity';
import type { AdmitCorrection } from './correction-limit';

export const MIN_CORRECTION_LENGTH = 10;
export const MAX_CORRECTION_LENGTH = 4000;
export const MAX_SOURCE_URL_LENGTH = 2000;
export const MAX_REASON_LENGTH = 2000;

/** Control characters other than tab and newlines: PostgreSQL refuses NUL, and the rest are never meant. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Oldest first: the desk works through the queue in the order readers wrote. */
const CORRECTION_ORDER: SortKey[] = [
  { expr: 'c.submitted_at', dir: 'ASC', type: 'string', alias: 'k_at' },
  { expr: 'c.id', dir: 'ASC', type: 'uuid', alias: 'k_id' },
];

function checkedText(value: string, field: string, min: number, max: number): string {
  const text = value.trim();
  if (text.length < min || text.length > max) throw badInput(`${field} must be ${min} to ${max} characters (it has ${text.length})`, field);
  if (CONTROL_CHARACTERS.test(text)) throw badInput(`${field} must not contain control characters`, field);
  return text;
}

function checkedUrl(value: string): string {
  const text = value.trim();
  if (text.length > MAX_SOURCE_URL_LENGTH) throw badInput(`sourceUrl must be at most ${MAX_SOURCE_URL_LENGTH} characters`, 'sourceUrl');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput('sourceUrl must be a web address (http:// or https://)', 'sourceUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw badInput('sourceUrl must be a web address (http:// or https://)', 'sourceUrl');
  return url.toString();
}

export interface SubmitCorrection {
  eventId: string;
  text: string;
  sourceUrl?: string | null;
}

export interface ResolveCorrection {
  id: string;
  resolution: CorrectionResolution;
  revisionVersion?: number | null;
  reason?: string | null;
}

export class CorrectionService {
  constructor(private readonly dataSource: DataSource) {}

  /** Checks everything first; only a correction that would be stored counts against the sender's allowance. */
  async submit(input: SubmitCorrection, admit: AdmitCorrection): Promise<Correction> {
    const text = checkedText(input.text, 'text', MIN_CORRECTION_LENGTH, MAX_CORRECTION_LENGTH);
    const sourceUrl = input.sourceUrl?.trim() ? checkedUrl(input.sourceUrl) : null;
    const [event] = await this.dataSource.query(
      `SELECT id, deleted_at IS NOT NULL AS deleted FROM event WHERE ${UUID_PATTERN.test(input.eventId) ? 'id = $1::uuid' : 'slug = $1'}`,
      [input.eventId],
    );
    if (!event) throw badInput(`eventId: no event "${input.eventId}"`, 'eventId');
    if (event.deleted) throw badInput(`eventId: the event "${input.eventId}" is deleted`, 'eventId');
    await admit();
    const repo = this.dataSource.getRepository(Correction);
    return repo.save(repo.create({ eventId: event.id, text, sourceUrl }));
  }

  async list(filter: { status: CorrectionStatus; eventId?: string }, page: PageRequest): Promise<ConnectionShape<Correction>> {
    const qb = this.dataSource.getRepository(Correction).createQueryBuilder('c').where('c.status = :status', { status: filter.status });
    if (filter.eventId)
      qb.andWhere(
        UUID_PATTERN.test(filter.eventId)
          ? 'c.event_id = :eventId::uuid'
          : 'c.event_id = (SELECT e.id FROM event e WHERE e.slug = :eventId)',
        { eventId: filter.eventId },
      );
    const counter = qb.clone();
    qb.addSelect(timestampKeyText('c.submitted_at'), 'k_at').addSelect('c.id::text', 'k_id');
    const { connection } = await fetchKeysetPage(qb, CORRECTION_ORDER, page);
    return {
      ...connection,
      get totalCount() {
        return counter.getCount();
      },
    };
  }

  async resolve(input: ResolveCorrection, author: string): Promise<Correction> {
    const fixed = input.resolution === CorrectionResolution.FIXED;
    const reason = input.reason?.trim() ? checkedText(input.reason, 'reason', 1, MAX_REASON_LENGTH) : null;
    if (!UUID_PATTERN.test(input.id)) throw badInput(`id: "${input.id}" is not a correction id (a UUID)`, 'id');
    if (fixed && input.revisionVersion == null)
      throw badInput('revisionVersion is needed for FIXED: the version of the revision that made the fix', 'revisionVersion');
    if (!fixed && input.revisionVersion != null) throw badInput('revisionVersion is only for FIXED', 'revisionVersion');
    if (!fixed && !reason) throw badInput('reason is needed for DECLINED: say why the event stays as it is', 'reason');
    return this.dataSource.transaction(async (manager) => {
      const correction = await manager.getRepository(Correction).findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!correction) throw notFound(`No correction ${input.id}`);
      if (correction.status !== CorrectionStatus.OPEN)
        throw new AppError(
          ErrorCode.CONFLICT,
          `The correction was already resolved as ${correction.status} by "${correction.resolvedBy}" at ${correction.resolvedAt?.toISOString()}`,
          { status: correction.status },
        );
      correction.revisionId = fixed ? await this.revisionId(manager, correction.eventId, input.revisionVersion!) : null;
      correction.status = fixed ? CorrectionStatus.FIXED : CorrectionStatus.DECLINED;
      correction.reason = reason;
      correction.resolvedBy = author;
      correction.resolvedAt = new Date();
      return manager.getRepository(Correction).save(correction);
    });
  }

  private async revisionId(manager: EntityManager, eventId: string, version: number): Promise<string> {
    const [revision] = await manager.query('SELECT id FROM revision WHERE event_id = $1 AND version = $2', [eventId, version]);
    if (!revision) throw badInput(`revisionVersion: the event has no version ${version}`, 'revisionVersion');
    return revision.id;
  }
}
