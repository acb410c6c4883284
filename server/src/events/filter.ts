// The event filter as SQL: one definition, used by lists, the timeline, aggregates and the sources' event lists.
import { SelectQueryBuilder } from 'typeorm';
import { badInput } from '../common/errors';
import type { EventFilter } from './event.inputs';
import { TSQUERY } from './search';

/** Days of the longest span of any live event (an InitPlan over event_span_idx, evaluated once per query). */
export const LONGEST_SPAN_DAYS = `(SELECT coalesce(max(span.last_date - span.start_date), 0) FROM event span WHERE span.deleted_at IS NULL)`;

/** Applies a filter to a query over `event e`; every condition is a bound parameter, never spliced text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- query builders of any selected shape over the event table
export function applyFilter<T extends SelectQueryBuilder<any>>(qb: T, filter: EventFilter | undefined, alias = 'e'): T {
  qb.andWhere(`${alias}.deleted_at IS NULL`);
  if (!filter) return qb;
  if (filter.from && filter.to && filter.from > filter.to) throw badInput('filter.from must not be after filter.to', 'filter.from');
  if (filter.minTone !== undefined && filter.maxTone !== undefined && filter.minTone > filter.maxTone) {
    throw badInput('filter.minTone must not be above filter.maxTone', 'filter.minTone');
  }
  if (filter.from) {
    // last_date is coalesce(end_date, start_date). The lower bound on start_date (from minus the longest live span,
    // read from event_span_idx) adds nothing logically but lets the start_date index serve the window.
    qb.andWhere(`${alias}.last_date >= :fFrom`, { fFrom: filter.from });
    qb.andWhere(`${alias}.start_date >= :fFrom::date - ${LONGEST_SPAN_DAYS}`);
  }
  if (filter.to) qb.andWhere(`${alias}.start_date <= :fTo`, { fTo: filter.to });
  if (filter.kinds?.length) qb.andWhere(`${alias}.kind IN (:...fKinds)`, { fKinds: filter.kinds });
  if (filter.directions?.length) qb.andWhere(`${alias}.direction IN (:...fDirections)`, { fDirections: filter.directions });
  if (filter.verifications?.length) qb.andWhere(`${alias}.verification IN (:...fVerifications)`, { fVerifications: filter.verifications });
  if (filter.minImportance) qb.andWhere(`${alias}.importance >= :fMinImportance`, { fMinImportance: filter.minImportance });
  if (filter.minTone !== undefined) qb.andWhere(`${alias}.tone >= :fMinTone`, { fMinTone: filter.minTone });
  if (filter.maxTone !== undefined) qb.andWhere(`${alias}.tone <= :fMaxTone`, { fMaxTone: filter.maxTone });
  if (filter.tags?.length) qb.andWhere(`${alias}.tags && :fTags::text[]`, { fTags: filter.tags });
  if (filter.allTags?.length) qb.andWhere(`${alias}.tags @> :fAllTags::text[]`, { fAllTags: filter.allTags });
  if (filter.actorIds?.length) {
    const role = filter.actorRole ? ' AND fp.role = :fActorRole' : '';
    // Ids or slugs; an actor merged into another counts as that one.
    qb.andWhere(
      `EXISTS (SELECT 1 FROM event_participant fp WHERE fp.event_id = ${alias}.id${role} AND fp.actor_id IN (
         SELECT coalesce(fa.merged_into_id, fa.id) FROM actor fa WHERE fa.id::text IN (:...fActorIds) OR fa.slug IN (:...fActorIds)))`,
      {
        fActorIds: filter.actorIds,
        fActorRole: filter.actorRole,
      },
    );
  } else if (filter.actorRole) {
    throw badInput('filter.actorRole needs filter.actorIds', 'filter.actorRole');
  }
  if (filter.sides?.length) {
    qb.andWhere(`EXISTS (SELECT 1 FROM event_participant sp WHERE sp.event_id = ${alias}.id AND sp.side IN (:...fSides))`, {
      fSides: filter.sides,
    });
  }
  if (filter.countries?.length) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM event_participant fp JOIN actor fa ON fa.id = fp.actor_id WHERE fp.event_id = ${alias}.id AND fa.country IN (:...fCountries))`,
      { fCountries: filter.countries },
    );
  }
  const search = filter.search?.trim();
  if (search) qb.andWhere(`${alias}.search_vector @@ ${TSQUERY}`, { fSearch: search });
  return qb;
}

/** Whether the daily rollups can answer for this filter: none, or kinds only (the query's range replaces from/to). */
export function rollupAnswers(filter: EventFilter | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(
    ([name, value]) =>
      ['kinds', 'from', 'to'].includes(name) ||
      value === undefined ||
      value === null ||
      value === '' ||
      (Array.isArray(value) && value.length === 0),
  );
}
