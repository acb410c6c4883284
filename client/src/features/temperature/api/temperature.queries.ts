// The tone of relations over time, each way, in calendar buckets.
import { gql, type TypedDocumentNode } from '@apollo/client';

export type TemperatureBucket = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

export interface DirectionalTone {
  count: number;
  meanTone: number | null;
  smoothed: number | null;
}

export interface TemperaturePoint {
  start: string;
  end: string;
  usToRu: DirectionalTone;
  ruToUs: DirectionalTone;
}

export interface TemperatureData {
  relationsTemperature: TemperaturePoint[];
}

export interface TemperatureVariables {
  from: string;
  to: string;
  bucket: TemperatureBucket;
  /** An EventFilter: the band then shows the tone of the matching events only. */
  filter?: Record<string, unknown>;
}

export const RELATIONS_TEMPERATURE_QUERY: TypedDocumentNode<TemperatureData, TemperatureVariables> = gql`
  query RelationsTemperature($from: Date!, $to: Date!, $bucket: Bucket!, $filter: EventFilter) {
    relationsTemperature(from: $from, to: $to, bucket: $bucket, filter: $filter) {
      start
      end
      usToRu {
        count
        meanTone
        smoothed
      }
      ruToUs {
        count
        meanTone
        smoothed
      }
    }
  }
`;
