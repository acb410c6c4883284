// The form's values against the shared record rules, server problems placed on their fields, and re-applying edits.
import { EventKind } from '@detente/shared/enums';
import { checkValues, emptyValues, fieldOfMessage, reapply, serverErrorsByField, toInput, type FormValues } from './formValues';

const statement = (over: Partial<FormValues> = {}): FormValues => ({
  ...emptyValues(EventKind.STATEMENT),
  title: 'Ryabkov says talks stalled',
  startDate: '2021-10-12',
  direction: 'RU_TO_US',
  cameoCode: '012',
  medium: 'INTERVIEW',
  citations: [{ url: 'https://example.org/a', title: 'A', publisher: 'Interfax', publishedAt: '', language: '', excerpt: '' }],
  ...over,
});

describe('checkValues (the server’s own record rules)', () => {
  it('Given a complete statement, Then there are no problems', () => {
    expect(checkValues(statement(), 'new-event')).toEqual({});
  });

  it('Given an end before the start and a quote without its type, Then each problem is keyed by the field it names', () => {
    const errors = checkValues(statement({ endDate: '2021-10-01', quote: 'Нет прогресса' }), 'new-event');
    expect(errors.endDate).toEqual(['endDate is before startDate']);
    expect(Object.values(errors).flat()).toEqual(expect.arrayContaining([expect.stringMatching(/quote needs quoteType/)]));
  });

  it('Given a participant row with no actor chosen, Then that row’s actor field is named', () => {
    const errors = checkValues(statement({ participants: [{ actor: null, role: 'SPEAKER', side: '' }] }), 'new-event');
    expect(errors['participants[0].actor']).toEqual([expect.stringMatching(/needs an actor/)]);
  });
});

describe('server problems', () => {
  it('Given BAD_USER_INPUT problems, Then each lands on the field its sentence starts with or names', () => {
    const errors = serverErrorsByField(
      { code: 'BAD_USER_INPUT', problems: ['participants[1] refers to unknown actor "x"', 'a YEAR-precision startDate must be 1 January'] },
      'Invalid event',
    );
    expect(Object.keys(errors).sort()).toEqual(['participants[1]', 'startDate']);
    expect(fieldOfMessage('something without a field')).toBe('');
  });
});

describe('reapply (conflicts)', () => {
  it('Given my summary edit and their title edit, Then re-applying keeps both', () => {
    const base = statement();
    const yours = { ...base, summary: 'mine' };
    const theirs = { ...base, title: 'theirs' };
    expect(reapply(base, yours, theirs)).toMatchObject({ title: 'theirs', summary: 'mine' });
  });
});

describe('toInput', () => {
  it('Given an update, Then emptied fields are sent as null so they are cleared; a create leaves them out', () => {
    expect(toInput(statement(), { create: false })).toMatchObject({ summary: null, quote: null, outletId: null });
    expect(toInput(statement(), { create: true })).not.toHaveProperty('summary');
  });
});
