import { cutAtWord, renderItemContent } from './itemContent';

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
