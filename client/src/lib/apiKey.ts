// The signed-in editor's API key, kept for this tab only (sessionStorage): closing the tab signs out, and no other
// tab or later visit sees it. The Apollo link reads it on every request, so signing in or out needs no reload. It
// lives in lib/ because the Apollo client and the reader's detail panel need it too, not only the desk.
import { useSyncExternalStore } from 'react';
const STORAGE_KEY = 'detente.apiKey';

type Listener = (key: string | null) => void;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // A browser that blocks storage (privacy mode, sandboxed iframe): the desk then works only until reload.
    return null;
  }
}

let memoryKey: string | null = null;

export function readApiKey(): string | null {
  const store = storage();
  return store ? store.getItem(STORAGE_KEY) : memoryKey;
}

export function saveApiKey(key: string): void {
  const store = storage();
  if (store) store.setItem(STORAGE_KEY, key);
  else memoryKey = key;
  listeners.forEach((listener) => listener(key));
}

export function forgetApiKey(): void {
  const store = storage();
  if (store) store.removeItem(STORAGE_KEY);
  memoryKey = null;
  listeners.forEach((listener) => listener(null));
}

/** Calls back whenever the key is saved or forgotten in this tab; returns the unsubscribe function. */
export function subscribeApiKey(callback: Listener): () => void {
  listeners.add(callback);
  return () => listeners.delete(callback);
}

/** The stored key, following sign-in and sign-out in this tab: what decides whether edit controls are shown. */
export function useApiKey(): string | null {
  return useSyncExternalStore(subscribeApiKey, readApiKey, () => null);
}
