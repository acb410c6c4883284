// Dates in news sentences, resolved against the publication date, in English and Russian.
import { DatePrecision } from '@detente/shared';
import { resolveDate } from './dates';

// Tuesday 12 October 2021, the day the seed article was published.
const PUBLISHED = '2021-10-12';

describe('resolving the date a sentence gives', () => {
  it('Given "on Tuesday" in an article of a Tuesday, Then it is that same day', () => {
    const date = resolveDate('Ryabkov announced on Tuesday that there was no progress.', PUBLISHED, 'en');
    expect(date).toMatchObject({ startDate: '2021-10-12', endDate: null, precision: DatePrecision.DAY, evidence: 'on Tuesday' });
  });

  it('Given "on Friday" in an article of a Tuesday, Then it is the latest Friday before, never the next one', () => {
    expect(resolveDate('The two ministers spoke on Friday.', PUBLISHED, 'en')?.startDate).toBe('2021-10-08');
  });

  it('Given "last week", Then it is the whole previous Monday–Sunday week at DAY precision', () => {
    const date = resolveDate('Last week, bipartisan senators called on President Biden to act.', PUBLISHED, 'en');
    expect(date).toMatchObject({ startDate: '2021-10-04', endDate: '2021-10-10', precision: DatePrecision.DAY, evidence: 'Last week' });
  });

  it('Given "on 5 October" without a year, Then it is this year’s 5 October', () => {
    expect(resolveDate('The ministry said on 5 October that it would answer.', PUBLISHED, 'en')).toMatchObject({
      startDate: '2021-10-05',
      precision: DatePrecision.DAY,
    });
  });

  it('Given a day and month after publication without a year, Then it is last year’s', () => {
    expect(resolveDate('They met on 3 November.', PUBLISHED, 'en')?.startDate).toBe('2020-11-03');
  });

  it('Given a month and year, Then it is MONTH precision from the first of the month', () => {
    expect(resolveDate('The talks were held in February 2021.', PUBLISHED, 'en')).toMatchObject({
      startDate: '2021-02-01',
      precision: DatePrecision.MONTH,
    });
  });

  it('Given "in 2014", Then it is YEAR precision', () => {
    expect(resolveDate('Russia annexed Crimea in 2014.', PUBLISHED, 'en')).toMatchObject({
      startDate: '2014-01-01',
      precision: DatePrecision.YEAR,
    });
  });

  it('Given a deadline ("by September 2") or a date after publication ("in two days"), Then neither is the date of the sentence', () => {
    expect(resolveDate('Russia must close the consulate by September 2.', '2017-08-31', 'en')).toBeNull();
    expect(resolveDate('The order takes effect in two days.', PUBLISHED, 'en')).toBeNull();
  });

  it('Given a sentence with no date words, Then there is no date (the caller assumes publication and says so)', () => {
    expect(resolveDate('Ryabkov met with Victoria Nuland.', PUBLISHED, 'en')).toBeNull();
  });

  it('Given "в понедельник", Then it is the Monday before publication', () => {
    const date = resolveDate('Рябков в понедельник заявил журналистам о переговорах.', PUBLISHED, 'ru');
    expect(date).toMatchObject({ startDate: '2021-10-11', precision: DatePrecision.DAY });
    expect(date?.evidence).toMatch(/понедельник/);
  });

  it('Given "3 ноября" in an article of 12 October, Then it is last year’s 3 November', () => {
    expect(resolveDate('Встреча прошла 3 ноября в Женеве.', PUBLISHED, 'ru')).toMatchObject({
      startDate: '2020-11-03',
      evidence: '3 ноября',
    });
  });

  it('Given "на прошлой неделе", Then it is the previous week', () => {
    expect(resolveDate('На прошлой неделе МИД вызвал посла.', PUBLISHED, 'ru')).toMatchObject({
      startDate: '2021-10-04',
      endDate: '2021-10-10',
    });
  });

  it('Given "в феврале 2025 года" and "в 2014 году", Then they are MONTH and YEAR precision', () => {
    expect(resolveDate('Встреча прошла в феврале 2025 года в Стамбуле.', '2026-01-25', 'ru')).toMatchObject({
      startDate: '2025-02-01',
      precision: DatePrecision.MONTH,
    });
    expect(resolveDate('Санкции ввели в 2014 году.', PUBLISHED, 'ru')).toMatchObject({
      startDate: '2014-01-01',
      precision: DatePrecision.YEAR,
    });
  });
});
