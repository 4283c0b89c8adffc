/**
 * How to send the events a page is waiting for, from a server (Node SDK,
 * server SDK key) or from a browser (browser SDK, client key).
 *
 * @example
 * trackSnippet(['view-product', 'purchase'])
 */
export function trackSnippet(events: readonly string[]): string {
  const names = events.length > 0 ? events : ['view-product'];
  const node = names.map((name) => `dial.track(${JSON.stringify(name)}, { key: user.id, country: user.country }, { plan: 'pro' });`).join('\n');
  const web = names.map((name) => `dial.track(${JSON.stringify(name)}, { plan: 'pro' });`).join('\n');
  return `// On a server, with the Node SDK (a server SDK key):
${node}

// In a browser, with the browser SDK (a client key), for the user in its context:
${web}`;
}
