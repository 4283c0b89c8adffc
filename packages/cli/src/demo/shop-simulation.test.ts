import { describe, expect, it } from 'vitest';
import {
  BEHAVIOUR,
  CHECKOUT_STEPS,
  type Served,
  type ShopAction,
  type Shopper,
  arrivalTimes,
  backfillShoppers,
  journeyRandom,
  liveShoppers,
  shopperFor,
  shopperJourney,
  trafficWeight,
} from './shop-simulation.js';
import { seededRandom } from './seeded-random.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const TO = Date.parse('2026-11-21T00:00:00Z');
const FROM = TO - 14 * DAY;

const base: Served = { newCheckout: false, searchV2: false, recommendations: true };

/** The funnel of the checkout journey over journeys, counted per shopper in order: [viewed, carted, checked out, purchased]. */
function funnel(journeys: readonly ShopAction[][]): number[] {
  const reached = [0, 0, 0, 0];
  for (const actions of journeys) {
    let step = 0;
    for (const action of actions) if (action.kind === 'track' && action.event === CHECKOUT_STEPS[step]) step++;
    for (let i = 0; i < step; i++) reached[i]!++;
  }
  return reached;
}

function simulate(count: number, served: (shopper: Shopper) => Served, seed = 'test'): { shopper: Shopper; served: Served; actions: ShopAction[] }[] {
  return backfillShoppers(seed, count, FROM, TO).map((shopper) => {
    const s = served(shopper);
    return { shopper, served: s, actions: shopperJourney(shopper, s, journeyRandom(seed, shopper.index)) };
  });
}

describe('shoppers', () => {
  it('are the same for the same seed, and others for another seed', () => {
    expect(backfillShoppers('a', 50, FROM, TO)).toEqual(backfillShoppers('a', 50, FROM, TO));
    const a = backfillShoppers('a', 50, FROM, TO).map((s) => s.key);
    const b = backfillShoppers('b', 50, FROM, TO).map((s) => s.key);
    expect(new Set([...a, ...b]).size).toBe(100);
    expect(a[7]).toMatch(/^shopper-[0-9a-z]{5}-7$/);
  });

  it('arrive within the period, earliest first, busier in the evening than at night and busier at the end than at the start', () => {
    const times = arrivalTimes(seededRandom('arrivals'), 20_000, FROM, TO);
    expect(times).toHaveLength(20_000);
    expect(times[0]).toBeGreaterThanOrEqual(FROM);
    expect(times.at(-1)).toBeLessThan(TO);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    const hour = (t: number) => new Date(t).getUTCHours();
    const evening = times.filter((t) => hour(t) === 19).length;
    const night = times.filter((t) => hour(t) === 4).length;
    expect(evening).toBeGreaterThan(4 * night);
    expect(trafficWeight(Date.parse('2026-11-20T19:00:00Z'))).toBeGreaterThan(trafficWeight(Date.parse('2026-11-20T04:00:00Z')));
    const firstDay = times.filter((t) => t < FROM + 7 * DAY).length;
    expect(times.length - firstDay).toBeGreaterThan(firstDay * 1.15);
  });

  it('have attributes in the proportions the flags target: about 8% are beta testers', () => {
    const shoppers = Array.from({ length: 20_000 }, (_, i) => shopperFor('attributes', i, FROM));
    const beta = shoppers.filter((s) => s.attributes.beta).length / shoppers.length;
    expect(beta).toBeGreaterThan(0.07);
    expect(beta).toBeLessThan(0.09);
    expect(new Set(shoppers.map((s) => s.attributes.platform))).toEqual(new Set(['web', 'ios', 'android']));
  });

  it('arrive live at about the rate asked, numbered on from the backfill', () => {
    const live = liveShoppers('live', 5000, TO, 4);
    const first = Array.from({ length: 4000 }, () => live.next().value);
    expect(first[0]!.index).toBe(5000);
    expect(first[0]!.arrivalMs).toBeGreaterThan(TO);
    const seconds = (first.at(-1)!.arrivalMs - TO) / 1000;
    expect(4000 / seconds).toBeGreaterThan(3.8);
    expect(4000 / seconds).toBeLessThan(4.2);
  });
});

describe('a shopper journey', () => {
  const runs = simulate(3000, () => base);

  it('is in time order, after the arrival (when the flags were evaluated), with later visits at least an hour apart', () => {
    for (const { shopper, actions } of runs) {
      let last = shopper.arrivalMs;
      let lastVisit = shopper.arrivalMs;
      for (const action of actions) {
        expect(action.atMs).toBeGreaterThan(last);
        last = action.atMs;
        if (action.kind === 'visit') {
          expect(action.atMs - lastVisit).toBeGreaterThanOrEqual(HOUR);
          lastVisit = action.atMs;
        }
      }
    }
  });

  it('always views a product, and reaches each step only after the one before', () => {
    for (const { actions } of runs) {
      const events = actions.flatMap((a) => (a.kind === 'track' ? [a.event] : []));
      expect(events).toContain('view-product');
      for (const [i, step] of CHECKOUT_STEPS.entries()) {
        if (i === 0 || !events.includes(step)) continue;
        expect(events.indexOf(step)).toBeGreaterThan(events.indexOf(CHECKOUT_STEPS[i - 1]!));
      }
      const purchase = actions.find((a) => a.kind === 'track' && a.event === 'purchase');
      const checkout = actions.find((a) => a.kind === 'track' && a.event === 'checkout');
      if (purchase?.kind === 'track' && checkout?.kind === 'track') expect(purchase.properties.orderValue).toBe(checkout.properties.cartValue);
    }
  });

  it('drops off at each step at the rates of BEHAVIOUR', () => {
    const [viewed, carted, checkedOut, purchased] = funnel(runs.map((r) => r.actions));
    expect(viewed).toBe(runs.length);
    expect(carted! / viewed!).toBeCloseTo(BEHAVIOUR.addToCart.searchV1, 1);
    const checkoutRate = BEHAVIOUR.checkoutNow + (1 - BEHAVIOUR.checkoutNow) * BEHAVIOUR.checkoutLater;
    expect(checkedOut! / carted!).toBeCloseTo(checkoutRate, 1);
    expect(purchased! / checkedOut!).toBeCloseTo(BEHAVIOUR.purchase.control, 1);
  });
});

describe('the new checkout', () => {
  // Half of the shoppers get it, as the 50/50 rollout serves it.
  const runs = simulate(40_000, (shopper) => ({ ...base, newCheckout: shopper.index % 2 === 1 }), 'experiment');
  const arm = (newCheckout: boolean) => runs.filter((r) => r.served.newCheckout === newCheckout);

  it('converts half as many again from product view to purchase', () => {
    const control = funnel(arm(false).map((r) => r.actions));
    const treatment = funnel(arm(true).map((r) => r.actions));
    const lift = treatment[3]! / treatment[0]! / (control[3]! / control[0]!);
    expect(lift).toBeGreaterThan(1.4);
    expect(lift).toBeLessThan(1.6);
    // Only the step it changes converts better.
    expect(treatment[2]! / treatment[1]!).toBeCloseTo(control[2]! / control[1]!, 1);
  });

  it('is paid for faster', () => {
    const medianSecondsToPay = (newCheckout: boolean) => {
      const gaps = arm(newCheckout).flatMap(({ actions }) => {
        const at = (event: string) => actions.find((a) => a.kind === 'track' && a.event === event)?.atMs;
        const checkout = at('checkout');
        const purchase = at('purchase');
        return checkout !== undefined && purchase !== undefined ? [(purchase - checkout) / 1000] : [];
      });
      return gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
    };
    expect(medianSecondsToPay(true)).toBeLessThan(medianSecondsToPay(false) * 0.75);
  });
});

describe('other flags', () => {
  it('search v2 brings more searches and more carts; recommendations more product views', () => {
    const searchesAndCarts = (served: Served) => {
      const runs = simulate(6000, () => served, 'flags');
      const count = (event: string) => runs.reduce((n, r) => n + r.actions.filter((a) => a.kind === 'track' && a.event === event).length, 0);
      return { search: count('search'), cart: count('add-to-cart'), views: count('view-product') };
    };
    const v1 = searchesAndCarts(base);
    const v2 = searchesAndCarts({ ...base, searchV2: true });
    expect(v2.search).toBeGreaterThan(v1.search * 1.5);
    expect(v2.cart).toBeGreaterThan(v1.cart * 1.05);
    const without = searchesAndCarts({ ...base, recommendations: false });
    expect(v1.views).toBeGreaterThan(without.views * 1.1);
  });
});
