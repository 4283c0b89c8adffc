// @vitest-environment happy-dom
import { act, createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DialWebClient } from '../dial-web-client.js';
import type { DialWebClientOptions } from '../options.js';
import { FakeEventSource } from '../test-event-source.js';
import { TEST_CLIENT_KEY } from '../test-fake-dial.js';
import { ManualTimers } from '../test-timers.js';
import { DialProvider, useDialClient, useFlag, useFlagDetails } from './dial-react.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Node {
  textContent: string | null;
  firstChild: unknown;
}
const page = globalThis as unknown as { document: { createElement(tag: string): Element & Node; body: { appendChild(node: Element): void } } };

let answer: Record<string, unknown> = {};
let version = 1;
const clients: DialWebClient[] = [];

/** A client whose requests are answered in memory (no network in the DOM environment), with the stream driven by the test. */
function client(options: Partial<DialWebClientOptions> = {}): DialWebClient {
  const created = new DialWebClient({
    clientKey: TEST_CLIENT_KEY,
    baseUrl: 'http://dial.test',
    context: { key: 'user-1' },
    storage: false,
    EventSource: FakeEventSource,
    timers: new ManualTimers(),
    fetch: async () => new Response(JSON.stringify({ version, flags: answer })),
    ...options,
  });
  clients.push(created);
  return created;
}

beforeEach(() => {
  FakeEventSource.opened = [];
  version = 1;
  answer = {
    checkout: { value: true, variant: 'on', reason: 'DEFAULT' },
    banner: { value: 'Hello', variant: 'a', reason: 'DEFAULT' },
  };
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

function render(element: ReturnType<typeof createElement>) {
  const container = page.document.createElement('div');
  page.document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(element));
  return { container, unmount: () => act(() => root.unmount()) };
}

describe('React bindings', () => {
  it('renders flag values and re-renders only the components whose flag changed', async () => {
    const dial = client();
    const renders = { checkout: 0, banner: 0 };
    function Checkout() {
      renders.checkout++;
      return createElement('p', null, `checkout:${String(useFlag('checkout', false))}`);
    }
    function Banner() {
      renders.banner++;
      const details = useFlagDetails('banner', 'none');
      return createElement('p', null, `banner:${details.value}:${details.reason}`);
    }
    const view = render(createElement(DialProvider, { client: dial }, createElement(Checkout), createElement(Banner)));
    expect(view.container.textContent).toBe('checkout:falsebanner:none:ERROR');
    await act(() => dial.ready);
    expect(view.container.textContent).toBe('checkout:truebanner:Hello:DEFAULT');
    const before = { ...renders };

    version = 2;
    answer = { ...answer, checkout: { value: false, variant: 'off', reason: 'DISABLED' } };
    await act(() => dial.setContext({ key: 'user-2' }));
    expect(view.container.textContent).toBe('checkout:falsebanner:Hello:DEFAULT');
    expect(renders.checkout).toBe(before.checkout + 1);
    expect(renders.banner).toBe(before.banner);
    view.unmount();
  });

  it('gives the default for a flag of another type, and a stable value for an object flag', async () => {
    answer = { theme: { value: { bg: '#000' }, variant: 'dark', reason: 'DEFAULT' }, checkout: { value: true, variant: 'on', reason: 'DEFAULT' } };
    const dial = client();
    await dial.ready;
    const seen: unknown[] = [];
    function Theme() {
      const theme = useFlag('theme', {});
      const [, setCount] = useState(0);
      seen.push(theme);
      return createElement('button', { onClick: () => setCount((n) => n + 1) }, `${JSON.stringify(theme)}|${useFlag('checkout', 'text')}`);
    }
    const view = render(createElement(DialProvider, { client: dial }, createElement(Theme)));
    expect(view.container.textContent).toBe('{"bg":"#000"}|text');
    act(() => (view.container.firstChild as unknown as { click(): void }).click());
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    view.unmount();
  });

  it('renders on the server from a bootstrap, and asks for a provider when there is none', () => {
    const dial = client({ bootstrap: { version: 1, flags: { banner: { value: 'From the server', variant: 'a', reason: 'DEFAULT' } } } });
    function Banner() {
      return createElement('h1', null, useFlag('banner', 'Welcome'));
    }
    expect(renderToString(createElement(DialProvider, { client: dial }, createElement(Banner)))).toBe('<h1>From the server</h1>');
    function Orphan() {
      return createElement('p', null, String(useDialClient().boolean('x', false)));
    }
    expect(() => renderToString(createElement(Orphan))).toThrow(/DialProvider/);
  });
});
