/**
 * Shoppers of the demo's outdoor-gear shop: who arrives when, and what each
 * does once the flags have been evaluated for them. Pure: randomness comes
 * from seeded streams and time from the arrival given, so a seed gives the
 * same shoppers, the same choices and the same gaps in every run.
 */
import { type Random, chance, exponentialMs, integerBetween, logNormalMs, pickWeighted, seededRandom } from './seeded-random.js';

/** The checkout journey's steps, in order. */
export const CHECKOUT_STEPS = ['view-product', 'add-to-cart', 'checkout', 'purchase'] as const;

export type ShopEvent = 'search' | (typeof CHECKOUT_STEPS)[number];

export interface ShopperAttributes {
  readonly country: string;
  readonly plan: 'free' | 'plus';
  readonly platform: 'web' | 'ios' | 'android';
  /** Joined the beta programme: the `beta-testers` segment. */
  readonly beta: boolean;
}

export interface Shopper {
  /** The targeting key: unique to the run's seed and the shopper's number. */
  readonly key: string;
  readonly index: number;
  readonly arrivalMs: number;
  readonly attributes: ShopperAttributes;
}

/** What the flags served a shopper on arrival, which shapes what the shopper does. */
export interface Served {
  /** `new-checkout`: the one-page checkout. */
  readonly newCheckout: boolean;
  /** `search-v2`: better search results. */
  readonly searchV2: boolean;
  /** `recommendations`: related products on every product page. */
  readonly recommendations: boolean;
}

export type EventProperties = Readonly<Record<string, string | number>>;

/** Something a shopper does at a moment: a visit (the shop evaluates its flags), or a tracked event. */
export type ShopAction =
  | { readonly kind: 'visit'; readonly atMs: number; readonly shopper: Shopper }
  | { readonly kind: 'track'; readonly atMs: number; readonly shopper: Shopper; readonly event: ShopEvent; readonly properties: EventProperties };

/**
 * How shoppers behave. Over a visit that views a product, about 15.5% of
 * shoppers on the current checkout buy and about 23% on the new one: the new
 * checkout converts half as many again, and faster. An effect that size
 * shows as significant in the demo's experiment over its default 5,000
 * shoppers even under the sequential test, which pays for being read at any
 * time; a smaller one would need far more shoppers.
 */
export const BEHAVIOUR = {
  /** A visit's chance of adding a product to the cart; search v2 finds what people look for more often. */
  addToCart: { searchV1: 0.4, searchV2: 0.45 },
  /** Having added to the cart, checking out in the same visit. */
  checkoutNow: 0.7,
  /** Not having checked out then, coming back within days to do it. */
  checkoutLater: 0.25,
  /** Having started the checkout, paying. The point of the demo's `new-checkout` rollout. */
  purchase: { control: 0.5, treatment: 0.75 },
  /** Median seconds from checkout to purchase. */
  secondsToPay: { control: 240, treatment: 150 },
  /** A later visit to browse again. */
  browseAgain: 0.3,
} as const;

const SECOND = 1000;
const HOUR = 3600 * SECOND;

const PRODUCTS = [
  { id: 'sku-1001', category: 'shoes', price: 119, query: 'trail running shoes', popularity: 9 },
  { id: 'sku-1002', category: 'shoes', price: 89, query: 'running shoes', popularity: 7 },
  { id: 'sku-1003', category: 'shoes', price: 149, query: 'hiking boots', popularity: 4 },
  { id: 'sku-2001', category: 'jackets', price: 179, query: 'rain jacket', popularity: 6 },
  { id: 'sku-2002', category: 'jackets', price: 99, query: 'fleece', popularity: 5 },
  { id: 'sku-3001', category: 'backpacks', price: 79, query: 'daypack', popularity: 6 },
  { id: 'sku-3002', category: 'backpacks', price: 129, query: 'hiking backpack', popularity: 3 },
  { id: 'sku-4001', category: 'camping', price: 249, query: 'tent', popularity: 3 },
  { id: 'sku-4002', category: 'camping', price: 39, query: 'headlamp', popularity: 5 },
  { id: 'sku-5001', category: 'accessories', price: 19, query: 'water bottle', popularity: 8 },
  { id: 'sku-5002', category: 'accessories', price: 29, query: 'merino socks', popularity: 6 },
  { id: 'sku-5003', category: 'accessories', price: 12, query: 'trail map', popularity: 4 },
] as const;
type Product = (typeof PRODUCTS)[number];
const BY_POPULARITY = PRODUCTS.map((product) => [product, product.popularity] as const);

const COUNTRIES = [
  ['US', 34],
  ['DE', 14],
  ['GB', 12],
  ['FR', 9],
  ['IN', 8],
  ['BR', 7],
  ['CA', 6],
  ['NL', 5],
  ['AU', 5],
] as const;
const PLATFORMS = [
  ['web', 55],
  ['ios', 27],
  ['android', 18],
] as const;
const PAYMENT_METHODS = [
  ['card', 62],
  ['paypal', 25],
  ['apple-pay', 13],
] as const;

/** A short tag of the seed in every shopper key, so that runs with different seeds have different shoppers. */
export function shopperKeyPrefix(seed: string): string {
  return `shopper-${Math.floor(seededRandom(`${seed}/keys`)() * 36 ** 5)
    .toString(36)
    .padStart(5, '0')}`;
}

/**
 * Shopper number `index` of a run, arriving at `arrivalMs`.
 *
 * @example
 * shopperFor('42', 7, Date.parse('2026-11-21T19:00:00Z')); // { key: 'shopper-…-7', attributes: { country: …, beta: … }, … }
 */
export function shopperFor(seed: string, index: number, arrivalMs: number): Shopper {
  const random = seededRandom(`${seed}/shopper/${index}`);
  return {
    key: `${shopperKeyPrefix(seed)}-${index}`,
    index,
    arrivalMs,
    attributes: {
      country: pickWeighted(random, COUNTRIES),
      plan: chance(random, 0.18) ? 'plus' : 'free',
      platform: pickWeighted(random, PLATFORMS),
      beta: chance(random, 0.08),
    },
  };
}

/**
 * How busy the shop is at a moment, relatively: evenings (UTC) busiest, a
 * smaller peak at lunchtime, quiet nights, weekends a little busier.
 */
export function trafficWeight(ms: number): number {
  const date = new Date(ms);
  const hour = date.getUTCHours() + date.getUTCMinutes() / 60;
  const evening = Math.exp(-((hour - 19) ** 2) / (2 * 3.5 ** 2));
  const lunch = 0.5 * Math.exp(-((hour - 12.5) ** 2) / (2 * 2 ** 2));
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6 ? 1.15 : 1;
  return (0.15 + evening + lunch) * weekend;
}

/** Above every value of trafficWeight times the growth factor. */
const WEIGHT_BOUND = 1.65 * 1.15 * 1.15;

/**
 * `count` arrival times in [fromMs, toMs), earliest first, following
 * trafficWeight, with traffic growing by a third over the period.
 */
export function arrivalTimes(random: Random, count: number, fromMs: number, toMs: number): number[] {
  const times: number[] = [];
  const span = toMs - fromMs;
  while (times.length < count) {
    const at = fromMs + random() * span;
    const growth = 0.85 + (0.3 * (at - fromMs)) / span;
    if (random() * WEIGHT_BOUND < trafficWeight(at) * growth) times.push(Math.floor(at));
  }
  return times.sort((a, b) => a - b);
}

/** The shoppers of a backfill over [fromMs, toMs), earliest first, numbered from 0. */
export function backfillShoppers(seed: string, count: number, fromMs: number, toMs: number): Shopper[] {
  return arrivalTimes(seededRandom(`${seed}/arrivals`), count, fromMs, toMs).map((at, index) => shopperFor(seed, index, at));
}

/**
 * Shoppers arriving at random from `startMs` on (a Poisson process),
 * `perSecond` a second on average, numbered from `firstIndex`.
 */
export function* liveShoppers(seed: string, firstIndex: number, startMs: number, perSecond: number): Generator<Shopper, never> {
  const random = seededRandom(`${seed}/live`);
  let at = startMs;
  for (let index = firstIndex; ; index++) {
    at += exponentialMs(random, perSecond);
    yield shopperFor(seed, index, Math.round(at));
  }
}

/** The random stream of one shopper's choices, apart from its attributes so that one does not shift the other. */
export function journeyRandom(seed: string, index: number): Random {
  return seededRandom(`${seed}/journey/${index}`);
}

/**
 * What a shopper does after arriving and being served `served`, in time
 * order: searches, product views, perhaps the cart, the checkout and a
 * purchase, sometimes finished in a visit days later, sometimes a visit to
 * browse again. Every action is after the arrival, when the flags were
 * evaluated, so each unit's exposure comes before its journey starts.
 *
 * @example
 * shopperJourney(shopper, { newCheckout: true, searchV2: false, recommendations: true }, journeyRandom('42', shopper.index));
 */
export function shopperJourney(shopper: Shopper, served: Served, random: Random): ShopAction[] {
  const actions: ShopAction[] = [];
  let at = shopper.arrivalMs;
  const wait = (medianMs: number, sigma = 0.6) => (at += Math.max(SECOND, logNormalMs(random, medianMs, sigma)));
  const track = (event: ShopEvent, properties: EventProperties) => actions.push({ kind: 'track', atMs: at, shopper, event, properties });
  const visitLater = (medianMs: number) => {
    at += Math.max(HOUR, logNormalMs(random, medianMs, 0.7));
    actions.push({ kind: 'visit', atMs: at, shopper });
  };
  const view = (product: Product) => {
    wait(30 * SECOND);
    track('view-product', { productId: product.id, category: product.category, price: product.price });
  };

  const wanted = pickWeighted(random, BY_POPULARITY);
  const searches = served.searchV2 ? integerBetween(random, 1, 3) : chance(random, 0.5) ? integerBetween(random, 1, 2) : 0;
  for (let i = 0; i < searches; i++) {
    wait(12 * SECOND);
    track('search', { query: wanted.query, results: served.searchV2 ? integerBetween(random, 8, 40) : integerBetween(random, 0, 25) });
  }
  view(wanted);
  // Recommendations lead to more product pages.
  const more = served.recommendations ? 0.55 : 0.35;
  for (let i = 0; i < 4 && chance(random, more); i++) view(pickWeighted(random, BY_POPULARITY));

  let boughtSomething = false;
  if (chance(random, served.searchV2 ? BEHAVIOUR.addToCart.searchV2 : BEHAVIOUR.addToCart.searchV1)) {
    const quantity = chance(random, 0.15) ? 2 : 1;
    wait(45 * SECOND);
    track('add-to-cart', { productId: wanted.id, price: wanted.price, quantity });
    let checkingOut = chance(random, BEHAVIOUR.checkoutNow);
    if (!checkingOut && chance(random, BEHAVIOUR.checkoutLater)) {
      visitLater(26 * HOUR);
      view(wanted);
      checkingOut = true;
    }
    if (checkingOut) {
      const cartValue = wanted.price * quantity;
      wait(70 * SECOND);
      track('checkout', { items: quantity, cartValue });
      const variant = served.newCheckout ? 'treatment' : 'control';
      if (chance(random, BEHAVIOUR.purchase[variant])) {
        wait(BEHAVIOUR.secondsToPay[variant] * SECOND, 0.5);
        track('purchase', { items: quantity, orderValue: cartValue, paymentMethod: pickWeighted(random, PAYMENT_METHODS) });
        boughtSomething = true;
      }
    }
  }

  if (chance(random, boughtSomething ? BEHAVIOUR.browseAgain / 2 : BEHAVIOUR.browseAgain)) {
    visitLater(60 * HOUR);
    const views = integerBetween(random, 1, 3);
    for (let i = 0; i < views; i++) view(pickWeighted(random, BY_POPULARITY));
  }
  return actions;
}
