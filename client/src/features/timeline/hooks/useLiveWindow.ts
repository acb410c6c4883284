// The timeline's window as it moves, frame by frame, for what is drawn in step with it outside vis-timeline (the
// temperature band, the tenure bands' labels).
import { useRef } from 'react';
import type { TimelineLayout } from './useVisTimeline';
import type { TimeWindow } from '../utils/timeWindow';

export interface LiveWindow {
  window: TimeWindow;
  layout: TimelineLayout;
}

export interface LiveWindowStore {
  publish: (window: TimeWindow, layout: TimelineLayout) => void;
  subscribe: (listener: () => void) => () => void;
  get: () => LiveWindow | null;
}

function sameLiveWindow(current: LiveWindow, window: TimeWindow, layout: TimelineLayout): boolean {
  return (
    current.window.start.getTime() === window.start.getTime() &&
    current.window.end.getTime() === window.end.getTime() &&
    current.layout.left === layout.left &&
    current.layout.width === layout.width
  );
}

/**
 * The window as it moves, frame by frame. Kept out of TimelineView's state so that a pan re-renders
 * only what follows it (the temperature band), not the timeline panel around it.
 */
export function useLiveWindow(): LiveWindowStore {
  const store = useRef<LiveWindowStore | null>(null);
  if (!store.current) {
    let current: LiveWindow | null = null;
    const listeners = new Set<() => void>();
    store.current = {
      publish: (window, layout) => {
        // A pan frame publishes twice (its range change, then vis-timeline's redraw): draw the band once.
        if (current && sameLiveWindow(current, window, layout)) return;
        current = { window, layout };
        listeners.forEach((listener) => listener());
      },
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      get: () => current,
    };
  }
  return store.current;
}
