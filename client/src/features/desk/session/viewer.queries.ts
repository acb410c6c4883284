// Who the stored API key belongs to: the desk signs in by asking this with the pasted key.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DeskViewerQuery, DeskViewerQueryVariables } from '../../../graphql/types';

export type ViewerData = NonNullable<DeskViewerQuery['viewer']>;

export const VIEWER_QUERY: TypedDocumentNode<DeskViewerQuery, DeskViewerQueryVariables> = gql`
  query DeskViewer {
    viewer {
      name
      role
    }
  }
`;
