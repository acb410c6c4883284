import { renderItemContent } from './itemContent';

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
