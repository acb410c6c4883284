// The view state, kept in the address bar. Selections push a history entry; filter changes, presets and settled
// pans and zooms are steps: each is a history entry (Back undoes it), but steps that follow one another within
// STEP_COALESCE_MS share one, so a burst of clicks or a run of wheel turns costs one Back press, not twenty.
// A step only ever joins the entry its own burst pushed (marked in history.state): after Back, or after a selection
// pushed an entry, the next step pushes anew instead of rewriting an entry the reader can return to.
import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeViewState, encodeViewState, roundWindow, type ViewState } from './urlState';

export type HistoryMode = 'push' | 'replace' | 'step';

/** What a step's entry carries in history.state, so a later step knows whether it is still on that entry. */
interface StepEntryState {
  detenteStep: number;
}

function currentStepEntry(): number | null {
  const entry = window.history.state as Partial<StepEntryState> | null;
  return typeof entry?.detenteStep === 'number' ? entry.detenteStep : null;
}

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
  // The entry the last burst of steps pushed; null once the reader has moved off it (Back, Forward).
  const stepEntry = useRef<number | null>(null);
  // After a load or a Back/Forward the timeline moves to the URL's window and reports it settled: that is not a
  // step of the reader's, and pushing it would cut off Forward. (Filter changes meanwhile are steps as always.)
  const quietUntil = useRef(Date.now() + STEP_COALESCE_MS);

  useEffect(() => {
    const onPopState = () => {
      const next = currentState();
      latest.current = next;
      // Whatever entry this is, the burst that pushed it is over: the next step is a new entry, never a rewrite.
      stepEntry.current = null;
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
      const onOwnEntry = stepEntry.current !== null && currentStepEntry() === stepEntry.current;
      const coalesce = onOwnEntry && now - lastStepAt.current < STEP_COALESCE_MS;
      lastStepAt.current = now;
      if (coalesce) {
        window.history.replaceState(window.history.state, '', url);
      } else {
        stepEntry.current = now;
        window.history.pushState({ detenteStep: now } satisfies StepEntryState, '', url);
      }
      return;
    }
    // A replace keeps the entry's mark: a step right after (say) the timeline's own settle may still join it.
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(window.history.state, '', url);
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
