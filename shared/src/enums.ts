// The domain's closed vocabularies, shared by the API, the dataset and the page.

export enum EventKind {
  STATEMENT = 'STATEMENT',
  MEETING = 'MEETING',
  SANCTION = 'SANCTION',
  MISSION = 'MISSION',
  AGREEMENT = 'AGREEMENT',
}

export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

export enum Direction {
  US_TO_RU = 'US_TO_RU',
  RU_TO_US = 'RU_TO_US',
  MUTUAL = 'MUTUAL',
  DOMESTIC_US = 'DOMESTIC_US',
  DOMESTIC_RU = 'DOMESTIC_RU',
}

export enum Verification {
  CONFIRMED = 'CONFIRMED',
  REPORTED = 'REPORTED',
  DISPUTED = 'DISPUTED',
}

export enum QuoteType {
  DIRECT = 'DIRECT',
  INDIRECT = 'INDIRECT',
  PARAPHRASE = 'PARAPHRASE',
}

export enum StatementMedium {
  INTERVIEW = 'INTERVIEW',
  BRIEFING = 'BRIEFING',
  SPEECH = 'SPEECH',
  PRESS_RELEASE = 'PRESS_RELEASE',
  SOCIAL_POST = 'SOCIAL_POST',
  LETTER = 'LETTER',
  TESTIMONY = 'TESTIMONY',
}

export enum MeetingFormat {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  VIDEO = 'VIDEO',
  SUMMIT = 'SUMMIT',
  MULTILATERAL_SIDELINE = 'MULTILATERAL_SIDELINE',
}

export enum MeetingLevel {
  HEAD_OF_STATE = 'HEAD_OF_STATE',
  MINISTERIAL = 'MINISTERIAL',
  DEPUTY_MINISTER = 'DEPUTY_MINISTER',
  WORKING = 'WORKING',
}

export enum SanctionAction {
  IMPOSED = 'IMPOSED',
  EXPANDED = 'EXPANDED',
  EXTENDED = 'EXTENDED',
  EASED = 'EASED',
  LIFTED = 'LIFTED',
  THREATENED = 'THREATENED',
}

export enum SanctionMeasure {
  ASSET_FREEZE = 'ASSET_FREEZE',
  TRAVEL_BAN = 'TRAVEL_BAN',
  EXPORT_CONTROL = 'EXPORT_CONTROL',
  IMPORT_BAN = 'IMPORT_BAN',
  SECTORAL = 'SECTORAL',
  FINANCIAL = 'FINANCIAL',
  SOVEREIGN_DEBT = 'SOVEREIGN_DEBT',
  VISA_BAN = 'VISA_BAN',
  OTHER = 'OTHER',
}

export enum MissionActionType {
  EXPULSION = 'EXPULSION',
  CLOSURE = 'CLOSURE',
  STAFF_CAP = 'STAFF_CAP',
  HIRING_BAN = 'HIRING_BAN',
  VISA_RESTRICTION = 'VISA_RESTRICTION',
  AMBASSADOR_RECALL = 'AMBASSADOR_RECALL',
  AMBASSADOR_RETURN = 'AMBASSADOR_RETURN',
  REOPENING = 'REOPENING',
  SERVICE_SUSPENSION = 'SERVICE_SUSPENSION',
}

export enum AgreementAction {
  SIGNED = 'SIGNED',
  EXTENDED = 'EXTENDED',
  SUSPENDED = 'SUSPENDED',
  WITHDRAWN = 'WITHDRAWN',
  EXCHANGED = 'EXCHANGED',
}

export enum ActorKind {
  PERSON = 'PERSON',
  GOVERNMENT_BODY = 'GOVERNMENT_BODY',
  LEGISLATURE = 'LEGISLATURE',
  ORGANIZATION = 'ORGANIZATION',
  MEDIA_OUTLET = 'MEDIA_OUTLET',
}

/** Offices whose holders' tenures the timeline can draw as background bands. */
export enum Office {
  US_PRESIDENT = 'US_PRESIDENT',
  RU_PRESIDENT = 'RU_PRESIDENT',
  US_AMBASSADOR_TO_RUSSIA = 'US_AMBASSADOR_TO_RUSSIA',
  RU_AMBASSADOR_TO_US = 'RU_AMBASSADOR_TO_US',
  US_SECRETARY_OF_STATE = 'US_SECRETARY_OF_STATE',
  RU_FOREIGN_MINISTER = 'RU_FOREIGN_MINISTER',
}

export enum ParticipantRole {
  SPEAKER = 'SPEAKER',
  ADDRESSEE = 'ADDRESSEE',
  PARTICIPANT = 'PARTICIPANT',
  HOST = 'HOST',
  AUTHORITY = 'AUTHORITY',
  TARGET = 'TARGET',
  ACTING = 'ACTING',
  AFFECTED = 'AFFECTED',
  MENTIONED = 'MENTIONED',
}

export enum Side {
  US = 'US',
  RU = 'RU',
  OTHER = 'OTHER',
}

export enum LinkType {
  RESPONDS_TO = 'RESPONDS_TO',
  RETALIATES_FOR = 'RETALIATES_FOR',
  FOLLOWS_UP = 'FOLLOWS_UP',
  PART_OF = 'PART_OF',
  REVERSES = 'REVERSES',
}

export enum LinkDirection {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
}

export enum ApiKeyRole {
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}

/** Every value of a string enum, in declaration order. */
export function enumValues<E extends Record<string, string>>(e: E): Array<E[keyof E]> {
  return Object.values(e) as Array<E[keyof E]>;
}
