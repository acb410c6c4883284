// The signed-in editor: checks a pasted key with the `viewer` query before keeping it, and re-checks a key kept from
// earlier in this tab (it may have been revoked since), so the desk never acts on a key the server refuses.
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useApolloClient } from '@apollo/client/react';
import { forgetApiKey, readApiKey, saveApiKey, useApiKey } from './apiKey';
import { VIEWER_QUERY, type ViewerData } from './viewer.queries';

export type Viewer = ViewerData;

export const INVALID_KEY_MESSAGE =
  'This API key is not valid: it is unknown or has been revoked. Check that you pasted all of it, or ask an admin for a new one.';
export const REVOKED_WHILE_SIGNED_IN_MESSAGE =
  'Your API key is no longer accepted (it was revoked or is unknown), so you were signed out. Sign in with a valid key.';

interface Session {
  /** The key the viewer below was checked for. */
  checkedKey: string | null;
  viewer: Viewer | null;
  loading: boolean;
  error: string | null;
}

// One session for the whole tab: every component using useViewer() sees the same answer and it is asked once.
let session: Session = { checkedKey: null, viewer: null, loading: false, error: null };
const listeners = new Set<() => void>();
const setSession = (next: Partial<Session>) => {
  session = { ...session, ...next };
  listeners.forEach((listener) => listener());
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

type Client = ReturnType<typeof useApolloClient>;

function isInvalidKey(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/** Asks the server who `key` is; null when the server refuses the key. Throws on network trouble. */
async function whoIs(client: Client, key: string): Promise<Viewer | null> {
  try {
    const { data } = await client.query({
      query: VIEWER_QUERY,
      fetchPolicy: 'no-cache',
      context: { headers: { authorization: `Bearer ${key}` } },
    });
    return data?.viewer ?? null;
  } catch (error) {
    if (isInvalidKey(error)) return null;
    throw error;
  }
}

const networkMessage = (error: unknown) =>
  `Could not reach the server to check the key (${error instanceof Error ? error.message : String(error)}). Try again.`;

export interface UseViewer {
  viewer: Viewer | null;
  loading: boolean;
  error: string | null;
  /** Checks the key with the server and keeps it for this tab only when the server accepts it. */
  signIn: (key: string) => Promise<boolean>;
  /** Forgets the key (and what the page cached while signed in). */
  signOut: () => void;
}

export function useViewer(): UseViewer {
  const client = useApolloClient();
  const key = useApiKey();
  const current = useSyncExternalStore(subscribe, () => session);

  useEffect(() => {
    if (!key) {
      if (session.viewer || session.checkedKey) setSession({ checkedKey: null, viewer: null });
      return;
    }
    if (session.checkedKey === key || session.loading) return;
    setSession({ loading: true, error: null });
    whoIs(client, key).then(
      (viewer) => {
        if (readApiKey() !== key) return setSession({ loading: false });
        if (viewer) setSession({ checkedKey: key, viewer, loading: false });
        else {
          setSession({ checkedKey: null, viewer: null, loading: false, error: REVOKED_WHILE_SIGNED_IN_MESSAGE });
          forgetApiKey();
        }
      },
      (error: unknown) => setSession({ loading: false, error: networkMessage(error) }),
    );
  }, [client, key]);

  const signIn = useCallback(
    async (pasted: string) => {
      const candidate = pasted.trim();
      if (!candidate) {
        setSession({ error: 'Paste your API key into the field first.' });
        return false;
      }
      setSession({ loading: true, error: null });
      try {
        const viewer = await whoIs(client, candidate);
        if (!viewer) {
          setSession({ loading: false, error: INVALID_KEY_MESSAGE });
          return false;
        }
        // Checked first, stored second: the effect above then finds the key already checked.
        setSession({ checkedKey: candidate, viewer, loading: false, error: null });
        saveApiKey(candidate);
        return true;
      } catch (error) {
        setSession({ loading: false, error: networkMessage(error) });
        return false;
      }
    },
    [client],
  );

  const signOut = useCallback(() => {
    forgetApiKey();
    setSession({ checkedKey: null, viewer: null, loading: false, error: null });
    // Answers fetched with the key (none today are private, but the desk's lists may be) go with it.
    void client.clearStore();
  }, [client]);

  return {
    viewer: key && current.checkedKey === key ? current.viewer : null,
    loading: current.loading || (!!key && current.checkedKey !== key && !current.error),
    error: current.error,
    signIn,
    signOut,
  };
}
