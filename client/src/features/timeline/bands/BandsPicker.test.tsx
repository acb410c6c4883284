import { fireEvent, render, screen } from '@testing-library/react';
import { BandsPicker } from './BandsPicker';

function openMenu() {
  const summary = screen.getByText(/^Bands/);
  fireEvent.click(summary);
  const details = summary.closest('details')!;
  expect(details.open).toBe(true);
  return details;
}

describe('BandsPicker', () => {
  it('Given the menu open, When the reader presses outside it, Then it closes', () => {
    render(
      <>
        <BandsPicker bands={[]} onChange={() => {}} />
        <button type="button">elsewhere</button>
      </>,
    );
    const details = openMenu();
    fireEvent.pointerDown(screen.getByText('elsewhere'));
    expect(details.open).toBe(false);
  });

  it('Given the menu open, When focus moves outside it (Tab), Then it closes; a press inside keeps it open', () => {
    const onChange = jest.fn();
    render(
      <>
        <BandsPicker bands={[]} onChange={onChange} />
        <button type="button">elsewhere</button>
      </>,
    );
    const details = openMenu();
    const presidents = screen.getByRole('checkbox', { name: 'Presidents' });
    fireEvent.pointerDown(presidents);
    fireEvent.click(presidents);
    expect(details.open).toBe(true);
    expect(onChange).toHaveBeenCalledWith(['presidents']);
    screen.getByText('elsewhere').focus();
    expect(details.open).toBe(false);
  });

  it('Given the menu open, When Escape is pressed in it, Then it closes and its button has focus', () => {
    render(<BandsPicker bands={['presidents']} onChange={() => {}} />);
    const details = openMenu();
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Presidents' }), { key: 'Escape' });
    expect(details.open).toBe(false);
    expect(document.activeElement).toBe(details.querySelector('summary'));
  });
});
