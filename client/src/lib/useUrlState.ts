// The view state, kept in the address bar. Selections push a history entry; filter changes, presets and settled
// pans and zooms are steps: each is a history entry (Back undoes it), but steps that follow one another within
// STEP_COALESCE_MS share one, so a burst of clicks or a run of wheel turns costs one Back press, not twenty.
import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeViewState, encodeViewState, roundWindow, type ViewState } from './urlState';

export type HistoryMode = 'push' | 'replace' | 'step';

/** Steps closer together than this share one history entry. */
export const STEP_COALESCE_MS = 1_500;

export interface UrlStateHandle {
  state: ViewState;
  /** Changes the state and the URL; the page re-renders. */
  update: (patch: Partial<ViewState>, mode?: HistoryMode) => void;
  /** Records the visible window in the URL without re-rendering (called on every settled pan or zoom). */
  recordWindow: (window: { start: Date; end: Date }) => void;
  /** Bumped when the state came from the URL (load, back, forward): the timeline should move to it. */
  restoreCount: number;
}

function currentState(): ViewState {
  return decodeViewState(window.location.search);
}

export function useUrlState(): UrlStateHandle {
  const [state, setState] = useState<ViewState>(currentState);
  const [restoreCount, setRestoreCount] = useState(0);
  // The latest state including the window, which changes without a re-render.
  const latest = useRef(state);
  const lastStepAt = useRef(0);
  // After a load or a Back/Forward the timeline moves to the URL's window and reports it settled: that is not a
  // step of the reader's, and pushing it would cut off Forward. (Filter changes meanwhile are steps as always.)
  const quietUntil = useRef(Date.now() + STEP_COALESCE_MS);

  useEffect(() => {
    const onPopState = () => {
      const next = currentState();
      latest.current = next;
      quietUntil.current = Date.now() + STEP_COALESCE_MS;
      setState(next);
      setRestoreCount((count) => count + 1);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const write = (next: ViewState, mode: HistoryMode) => {
    const url = `${window.location.pathname}${encodeViewState(next)}${window.location.hash}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    if (mode === 'step') {
      const now = Date.now();
      const coalesce = now - lastStepAt.current < STEP_COALESCE_MS;
      lastStepAt.current = now;
      mode = coalesce ? 'replace' : 'push';
    }
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };

  const update = useCallback((patch: Partial<ViewState>, mode: HistoryMode = 'replace') => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    write(next, mode);
    setState(next);
  }, []);

  const recordWindow = useCallback((visible: { start: Date; end: Date }) => {
    const previous = latest.current.window;
    const next = { ...latest.current, window: roundWindow(visible) };
    latest.current = next;
    // The first window of a page that opened without one is where it starts, and the window the timeline settles on
    // after a load or Back is the URL's own: neither is a step of the reader's.
    write(next, previous && Date.now() >= quietUntil.current ? 'step' : 'replace');
  }, []);

  return { state, update, recordWindow, restoreCount };
}
