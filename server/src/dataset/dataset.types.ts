// The JSON format of server/data (see server/data/README.md): what a person writes and what export produces.

export interface DatasetActor {
  id: string;
  name: string;
  kind: string;
  country?: string;
  title?: string;
  aliases?: string[];
  wikidataId?: string;
}

export interface DatasetParticipant {
  actor: string;
  role: string;
  side?: string;
}

export interface DatasetCitation {
  url: string;
  title?: string;
  publisher?: string;
  publishedAt?: string;
  language?: string;
  excerpt?: string;
}

export interface DatasetLink {
  type: string;
  to: string;
}

export interface DatasetEvent {
  id: string;
  kind: string;
  title: string;
  summary?: string;
  startDate: string;
  endDate?: string;
  datePrecision?: string;
  location?: { name: string; country?: string };
  direction: string;
  cameoCode: string;
  tone?: number;
  toneNote?: string;
  importance: number;
  tags: string[];
  verification?: string;
  participants: DatasetParticipant[];
  citations: DatasetCitation[];
  links?: DatasetLink[];
  // STATEMENT
  quote?: string;
  quoteLanguage?: string;
  quoteType?: string;
  medium?: string;
  outlet?: string;
  // MEETING
  format?: string;
  level?: string;
  outcome?: string;
  // SANCTION, MISSION, AGREEMENT
  action?: string;
  program?: string;
  measures?: string[];
  actingCountry?: string;
  affectedCountry?: string;
  facility?: string;
  city?: string;
  personnelCount?: number;
  instrument?: string;
}

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
