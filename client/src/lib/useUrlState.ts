// The view state, kept in the address bar: selections push a history entry (back/forward step
// through them), filters and pan/zoom replace the current one (a drag is not worth a Back press).
import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeViewState, encodeViewState, roundWindow, type ViewState } from './urlState';

export type HistoryMode = 'push' | 'replace';

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

  useEffect(() => {
    const onPopState = () => {
      const next = currentState();
      latest.current = next;
      setState(next);
      setRestoreCount((count) => count + 1);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const write = (next: ViewState, mode: HistoryMode) => {
    const url = `${window.location.pathname}${encodeViewState(next)}${window.location.hash}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
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
    const next = { ...latest.current, window: roundWindow(visible) };
    latest.current = next;
    write(next, 'replace');
  }, []);

  return { state, update, recordWindow, restoreCount };
}
