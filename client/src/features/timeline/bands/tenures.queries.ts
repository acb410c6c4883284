// The tenures behind the timeline's background bands: who held which office, for the offices asked for.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { TenureBandsQuery, TenureBandsQueryVariables } from '../../../graphql/types';

export type BandTenure = TenureBandsQuery['tenures'][number];

export const TENURE_BANDS_QUERY: TypedDocumentNode<TenureBandsQuery, TenureBandsQueryVariables> = gql`
  query TenureBands($offices: [Office!]) {
    tenures(offices: $offices) {
      id
      office
      startDate
      endDate
      actor {
        id
        name
      }
    }
  }
`;
