// Tenures in office by office and date range: the timeline's background bands.
import { DataSource } from 'typeorm';
import { Office } from '@detente/shared';
import { ActorTenure } from './tenure.entity';

export interface TenureQuery {
  offices?: Office[];
  from?: string;
  to?: string;
}

export class TenureService {
  constructor(private readonly dataSource: DataSource) {}

  /** Tenures that overlap [from, to] (either end open), with their actors, ordered by office and start. */
  list({ offices, from, to }: TenureQuery): Promise<ActorTenure[]> {
    const query = this.dataSource
      .getRepository(ActorTenure)
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.actor', 'a')
      .orderBy('t.office')
      .addOrderBy('t.start_date');
    if (offices) query.andWhere('t.office = ANY(:offices)', { offices });
    if (to) query.andWhere('t.start_date <= :to', { to });
    if (from) query.andWhere('(t.end_date IS NULL OR t.end_date >= :from)', { from });
    return query.getMany();
  }
}
