import { describeChange, describeValue, fieldLabel, inReadingOrder } from './describeChange';

describe('describing a revision field by field', () => {
  it('Given a changed title, Then it reads old → new under its label', () => {
    expect(describeChange({ field: 'title', before: 'Talks in Geneva', after: 'Talks in Vienna' })).toEqual({
      field: 'title',
      label: 'Title',
      kind: 'value',
      before: 'Talks in Geneva',
      after: 'Talks in Vienna',
      long: false,
    });
  });

  it('Given enum values, Then they read as words, and a direction as its arrow', () => {
    expect(describeValue('format', 'IN_PERSON')).toBe('In person');
    expect(describeValue('direction', 'US_TO_RU')).toBe('US → Russia');
    expect(describeValue('tone', 3.4)).toBe('+3.4');
    expect(describeValue('location', { name: 'Moscow', country: 'RU' })).toBe('Moscow, RU');
  });

  it('Given participants that changed, Then only the added and removed ones are listed, the rest counted', () => {
    const kept = { actor: 'sergei-lavrov', role: 'PARTICIPANT', side: 'RU' };
    const described = describeChange({
      field: 'participants',
      before: [kept, { actor: 'antony-blinken', role: 'PARTICIPANT', side: 'US' }],
      after: [kept, { actor: 'victoria-nuland', role: 'HOST', side: 'US' }],
    });
    expect(described).toEqual({
      field: 'participants',
      label: 'Participants',
      kind: 'list',
      added: ['victoria-nuland (host, US)'],
      removed: ['antony-blinken (participant, US)'],
      unchanged: 1,
    });
  });

  it('Given a first revision (nothing before), Then every citation and link counts as added', () => {
    const citations = describeChange({
      field: 'citations',
      before: null,
      after: [{ url: 'https://tass.com/1', title: 'Talks end', publisher: 'TASS', publishedAt: '2021-10-12' }],
    });
    expect(citations).toMatchObject({ kind: 'list', added: ['Talks end — TASS (2021-10-12) <https://tass.com/1>'], removed: [] });
    const links = describeChange({ field: 'links', before: [], after: [{ type: 'RESPONDS_TO', to: '2021-10-01-expulsions' }] });
    expect(links).toMatchObject({ added: ['Responds to: 2021-10-01-expulsions'] });
  });

  it('Given a value removed, Then the after side is empty rather than the word null', () => {
    expect(describeChange({ field: 'endDate', before: '2021-10-13', after: null })).toMatchObject({ before: '2021-10-13', after: null });
    expect(fieldLabel('personnelCount')).toBe('Personnel');
    expect(fieldLabel('someNewField')).toBe('Some new field');
  });

  it('Given changes in any order, Then they are read title first and unknown fields last', () => {
    const fields = inReadingOrder([{ field: 'tags' }, { field: 'someNewField' }, { field: 'title' }, { field: 'startDate' }]).map(
      (c) => c.field,
    );
    expect(fields).toEqual(['title', 'startDate', 'tags', 'someNewField']);
  });
});
