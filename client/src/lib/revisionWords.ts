// The words the desk and the Recent changes page use for a revision's action and time.
const ACTIONS: Record<string, string> = {
  CREATE: 'created',
  UPDATE: 'edited',
  DELETE: 'deleted',
  RESTORE: 'restored',
  REVERT: 'reverted',
  IMPORT: 'imported',
};

export const revisionActionLabel = (action: string) => ACTIONS[action] ?? action.toLowerCase();

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export const formatChangeTime = (iso: string) => `${dateTime.format(new Date(iso))} UTC`;
