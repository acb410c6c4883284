// State that survives a reload of the tab: what an editor pasted and decided is kept in sessionStorage, so neither an
// error answer nor a reload loses it (the tab's storage, like the API key: gone when the tab closes).
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';

export function useSessionState<T>(key: string, initial: () => T): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = window.sessionStorage.getItem(key);
      return raw ? (JSON.parse(raw) as T) : initial();
    } catch {
      return initial();
    }
  });
  useEffect(() => {
    try {
      window.sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the state still lives in memory for as long as the page is open.
    }
  }, [key, value]);
  return [value, setValue];
}
