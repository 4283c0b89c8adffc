import { describe, expect, it } from 'vitest';
import { trackSnippet } from './track-snippet';

describe('the track() snippet', () => {
  it('tracks each event a page waits for, from a server and from a browser', () => {
    const snippet = trackSnippet(['view-product', 'purchase']);
    expect(snippet).toContain(`dial.track("view-product", { key: user.id, country: user.country }, { plan: 'pro' });`);
    expect(snippet).toContain(`dial.track("purchase", { plan: 'pro' });`);
  });

  it('writes names as string literals, whatever they hold', () => {
    expect(trackSnippet(['say "hi"'])).toContain(`dial.track("say \\"hi\\"", { plan: 'pro' });`);
  });

  it('shows an example event when there is none to wait for', () => expect(trackSnippet([])).toContain('dial.track("view-product"'));
});
