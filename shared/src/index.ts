// Public surface of @detente/shared: the domain vocabularies and pure helpers used by server and client.
export * from './enums';
export * from './cameo';
export * from './dates';
export * from './event-record';
