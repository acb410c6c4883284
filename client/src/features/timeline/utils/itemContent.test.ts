import { cutAtWord, fitAtWord, renderItemContent, titleRoomPx } from './itemContent';

describe('renderItemContent', () => {
  it('renders a title containing markup as text, creating no elements from it', () => {
    const element = renderItemContent({
      id: 'e1',
      kind: 'STATEMENT',
      icon: '❝',
      content: '<img src=x onerror="alert(1)"><b>bold</b>',
    });
    expect(element.querySelector('img')).toBeNull();
    expect(element.querySelector('b')).toBeNull();
    expect(element.querySelector('.event-item__title')?.textContent).toBe('<img src=x onerror="alert(1)"><b>bold</b>');
  });

  it('carries the event id for browser tests and the icon as hidden decoration', () => {
    const element = renderItemContent({ id: 'e42', kind: 'MEETING', icon: '⇄', content: 'Nuland in Moscow' });
    expect(element.dataset.eventId).toBe('e42');
    expect(element.querySelector('.event-item__icon')).toHaveAttribute('aria-hidden', 'true');
    expect(element.title).toBe('Meeting: Nuland in Moscow');
  });
});

describe('renderItemContent for labels and markers', () => {
  it('shows a month-precision date label before the title', () => {
    const element = renderItemContent({ id: 'e7', kind: 'SANCTION', icon: '⊘', content: 'Visa curbs', dateLabel: 'Oct 2021' });
    expect(element.querySelector('.event-item__date')?.textContent).toBe('Oct 2021');
    expect(element.textContent).toContain('Visa curbs');
  });

  it('draws a "+N" marker as a button that says it lists what it holds', () => {
    const element = renderItemContent({ id: 'omitted:a:b', kind: '', icon: '', content: '+1250', omittedCount: 1250 });
    expect(element.tagName).toBe('BUTTON');
    expect(element.textContent).toBe('+1,250');
    expect(element.dataset.omittedId).toBe('omitted:a:b');
    expect(element.getAttribute('aria-label')).toMatch(/1,250 more events here.*list them/);
  });
});

describe('cutAtWord', () => {
  it('Given a title that fits, Then it is kept whole', () => {
    expect(cutAtWord('Blinken and Lavrov meet in Stockholm', 40)).toBe('Blinken and Lavrov meet in Stockholm');
  });

  it('Given a long title, Then it is cut at the last whole word before the limit, with an ellipsis', () => {
    const cut = cutAtWord('Blinken and Lavrov meet in Stockholm on the sidelines of the OSCE', 30);
    expect(cut).toBe('Blinken and Lavrov meet in…');
    expect(cut.length).toBeLessThanOrEqual(30);
  });

  it('Given a cut after a comma, Then no punctuation is left before the ellipsis', () => {
    expect(cutAtWord('Meeting in Bali, Blinken avoids Lavrov at the G20', 20)).toBe('Meeting in Bali…');
  });

  it('Given one word longer than the limit, Then it is cut inside the word', () => {
    expect(cutAtWord('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
  });
});

describe('fitAtWord', () => {
  // A stand-in for measured pixels: 7 px a character, 5 for a space, 9 for the ellipsis.
  const width = (text: string) => [...text].reduce((sum, char) => sum + (char === ' ' ? 5 : char === '…' ? 9 : 7), 0);

  it('Given a measure, Then the longest word-ended head that fits is kept, ellipsis included', () => {
    const title = 'Rubio and Lavrov talk in Riyadh about restoring embassies';
    const shown = fitAtWord(title, (text) => width(text) <= 150);
    expect(width(shown)).toBeLessThanOrEqual(150);
    expect(shown).toBe('Rubio and Lavrov talk…');
    // One more word would not have fitted.
    expect(width('Rubio and Lavrov talk in…')).toBeGreaterThan(150);
  });

  it('Given room for the whole title, Then it is kept whole, with no ellipsis', () => {
    expect(fitAtWord('Lavrov in Ankara', (text) => width(text) <= 500)).toBe('Lavrov in Ankara');
  });

  it('Given a cut after a dash, Then no dash is left before the ellipsis', () => {
    expect(fitAtWord('New START – Russia suspends its part', (text) => text.length <= 14)).toBe('New START…');
  });
});

describe('titleRoomPx', () => {
  const DAY = 86_400_000;
  it('Given a wide timeline over two years, Then a label gets 30rem', () => {
    expect(titleRoomPx(1250, (730 * DAY) / 1250)).toBe(480);
  });

  it('Given the same timeline at month zoom, Then a label may run longer, up to 48rem', () => {
    expect(titleRoomPx(1250, (31 * DAY) / 1250)).toBe(750);
    expect(titleRoomPx(1400, (31 * DAY) / 1400)).toBe(768);
  });

  it('Given a timeline narrowed by the detail panel, Then a label takes two thirds of it, never more than 30rem', () => {
    expect(titleRoomPx(470, (365 * DAY) / 470)).toBe(310);
    expect(titleRoomPx(700, (365 * DAY) / 700)).toBe(350);
  });

  it('Given a phone, Then a label gets two thirds of the drawing area over a year and 80% at month zoom', () => {
    expect(titleRoomPx(270, (365 * DAY) / 270)).toBe(178);
    expect(titleRoomPx(300, (31 * DAY) / 300)).toBe(240);
  });
});
