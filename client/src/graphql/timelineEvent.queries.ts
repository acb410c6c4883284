// The fields every list of events asks for (the timeline, the list view, search hits): shared by the features
// that draw events, so it lives beside the generated types rather than inside one feature.
import { gql } from '@apollo/client';
import type { TimelineEventFieldsFragment } from './types';

/** What the timeline needs to draw one event; the detail panel asks for the rest. */
export type TimelineEvent = TimelineEventFieldsFragment;

export const TIMELINE_EVENT_FIELDS = gql`
  fragment TimelineEventFields on Event {
    id
    kind
    title
    startDate
    endDate
    datePrecision
    tone
    importance
    direction
  }
`;
