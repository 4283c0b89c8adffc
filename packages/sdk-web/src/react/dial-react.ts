import { type ReactElement, type ReactNode, createContext, createElement, useCallback, useContext, useSyncExternalStore } from 'react';
import type { DialWebClient } from '../dial-web-client.js';
import { type FlagDetails, type JsonValue, type Widened, kindOf, withDefault } from '../flag-details.js';

const DialContext = createContext<DialWebClient | undefined>(undefined);

export interface DialProviderProps {
  /** The client whose flags the components below read. Create it once, outside rendering. */
  client: DialWebClient;
  children?: ReactNode;
}

/**
 * Makes a client available to `useFlag` and `useDialClient` below it.
 *
 * @example
 * const dial = new DialWebClient({ clientKey, baseUrl, context: { key: user.id } });
 * createRoot(root).render(<DialProvider client={dial}><App /></DialProvider>);
 */
export function DialProvider({ client, children }: DialProviderProps): ReactElement {
  return createElement(DialContext.Provider, { value: client }, children);
}

/** The client of the nearest `DialProvider`, e.g. to call `setContext` when a user signs in. */
export function useDialClient(): DialWebClient {
  const client = useContext(DialContext);
  if (client === undefined) throw new Error('useDialClient and useFlag need a <DialProvider client={…}> above them');
  return client;
}

/**
 * A flag's value and why, re-rendering the component when that flag changes
 * (and only then). The default's type is the type expected, as in `details()`.
 */
export function useFlagDetails<T extends JsonValue>(flagKey: string, defaultValue: T): FlagDetails<Widened<T>> {
  const client = useDialClient();
  const subscribe = useCallback(
    (onChange: () => void) => {
      client.on('change', onChange);
      return () => void client.off('change', onChange);
    },
    [client],
  );
  // details() without a default returns the same object until the flag changes, as useSyncExternalStore requires.
  const read = () => client.details(flagKey);
  const held = useSyncExternalStore(subscribe, read, read);
  return withDefault<JsonValue>(held, defaultValue, kindOf(defaultValue)) as FlagDetails<Widened<T>>;
}

/**
 * A flag's value, or `defaultValue` when it has none of that type; the
 * component re-renders when the flag changes.
 *
 * @example
 * function Checkout() {
 *   const newCheckout = useFlag('new-checkout', false);
 *   return newCheckout ? <NewCheckout /> : <OldCheckout />;
 * }
 */
export function useFlag<T extends JsonValue>(flagKey: string, defaultValue: T): Widened<T> {
  return useFlagDetails(flagKey, defaultValue).value;
}
