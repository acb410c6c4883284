// The JSON format of server/data (see server/data/README.md): what a person writes and what export produces.
import type { TenureRecordType } from '../actors/tenure.record';
import type { CitationRecordType, EventRecordInput, LinkRecordType, ParticipantRecordType } from '../events/event.record';

export interface DatasetActor {
  id: string;
  name: string;
  kind: string;
  country?: string;
  title?: string;
  aliases?: string[];
  wikidataId?: string;
  /** Offices held, defined once in actors/tenure.record.ts. */
  tenures?: TenureRecordType[];
}

export type DatasetParticipant = ParticipantRecordType;
export type DatasetCitation = CitationRecordType;
export type DatasetLink = LinkRecordType;
/** An event as a dataset file writes it; its fields are defined once, in events/event.record.ts. */
export type DatasetEvent = EventRecordInput;

export interface Dataset {
  actors: DatasetActor[];
  events: DatasetEvent[];
}

/** A record read from a file, remembered with where it came from so problems can name it. */
export interface Located<T> {
  file: string;
  index: number;
  record: T;
}

export interface DatasetFiles {
  actors: Located<DatasetActor>[];
  events: Located<DatasetEvent>[];
}

export interface DatasetProblem {
  file: string;
  /** The record's id, or its position when it has none. */
  record: string;
  message: string;
}
