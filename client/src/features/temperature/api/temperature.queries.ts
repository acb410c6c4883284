// The tone of relations over time, each way, in calendar buckets.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Bucket, RelationsTemperatureQuery, RelationsTemperatureQueryVariables } from '../../../graphql/types';

export type TemperatureBucket = Bucket;
export type TemperaturePoint = RelationsTemperatureQuery['relationsTemperature'][number];
export type DirectionalTone = TemperaturePoint['usToRu'];

export const RELATIONS_TEMPERATURE_QUERY: TypedDocumentNode<RelationsTemperatureQuery, RelationsTemperatureQueryVariables> = gql`
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
