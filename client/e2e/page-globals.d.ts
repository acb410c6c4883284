// What the page exposes to browser tests on `window` (declared for the page in useVisTimeline.ts); only the
// parts the tests read, so the tests need not import vis-timeline's types.
export {};

declare global {
  interface Window {
    __detente?: { timeline: { getWindow(): { start: Date; end: Date } }; firstDrawAt?: number };
  }
}
