/**
 * Simulated shoppers driven through the real Node SDK: the shop evaluates
 * its flags on every visit (the SDK records the exposures) and tracks what
 * shoppers do, each at the moment the simulation says.
 */
import type { DialClient } from '@dial/sdk-node';
import { type Served, type ShopAction, type Shopper, journeyRandom, shopperJourney } from './shop-simulation.js';
import { TimeQueue } from './time-queue.js';

/**
 * The time the demo's SDK client stamps events and exposures with (its
 * `now` option): a simulated moment while the past is replayed, the real
 * time after.
 */
export class DemoClock {
  private simulatedMs: number | undefined;

  constructor(private readonly realNow: () => number = Date.now) {}

  readonly now = (): Date => new Date(this.simulatedMs ?? this.realNow());

  get simulating(): boolean {
    return this.simulatedMs !== undefined;
  }

  simulate(ms: number): void {
    this.simulatedMs = ms;
  }

  useRealTime(): void {
    this.simulatedMs = undefined;
  }
}

/**
 * Counts what the SDK sent to `POST /api/v1/events` and what Dial answered,
 * by wrapping the `fetch` it is given. A batch counts once it is answered
 * 2xx, so one resent after a lost answer is not counted twice.
 */
export class EventTally {
  tracked = 0;
  exposures = 0;
  accepted = 0;
  duplicates = 0;
  rejected = 0;

  constructor(private readonly inner: typeof fetch = fetch) {}

  get sent(): number {
    return this.tracked + this.exposures;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const response = await this.inner(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!response.ok || !url.endsWith('/api/v1/events') || typeof init?.body !== 'string') return response;
    try {
      const answer = (await response.clone().json()) as { accepted: number; duplicates: number; rejected: unknown[] };
      const { events } = JSON.parse(init.body) as { events: { type: string }[] };
      for (const event of events) {
        if (event.type === 'exposure') this.exposures++;
        else this.tracked++;
      }
      this.accepted += answer.accepted;
      this.duplicates += answer.duplicates;
      this.rejected += answer.rejected.length;
    } catch {
      // An answer that is not Dial's leaves the counts as they are; the SDK reports the problem.
    }
    return response;
  };
}

/** What the simulation has done so far. */
export interface TrafficCounts {
  shoppers: number;
  visits: number;
  tracked: number;
}

/**
 * Shoppers' actions in time order. During a backfill the clock is set to
 * each action's moment before it is done, so events and exposures carry
 * the simulated time; live, the clock is real and actions are done when due.
 */
export class ShopTraffic {
  private readonly queue = new TimeQueue<ShopAction>();
  readonly counts: TrafficCounts = { shoppers: 0, visits: 0, tracked: 0 };

  constructor(
    private readonly client: DialClient,
    private readonly clock: DemoClock,
    private readonly seed: string,
  ) {}

  /** Actions planned but not yet done. */
  get pending(): number {
    return this.queue.size;
  }

  /**
   * A shopper arrives: the shop evaluates its flags for them, and what they
   * do next follows from what the flags served. Actions after `keepUntilMs`
   * are let go.
   */
  arrive(shopper: Shopper, keepUntilMs = Number.POSITIVE_INFINITY): void {
    this.moveClockTo(shopper.arrivalMs);
    const served = this.visit(shopper);
    this.counts.shoppers++;
    for (const action of shopperJourney(shopper, served, journeyRandom(this.seed, shopper.index))) {
      if (action.atMs <= keepUntilMs) this.queue.push(action);
    }
  }

  /** Does every action due at or before `untilMs`, earliest first. */
  runDue(untilMs: number): void {
    for (const action of this.queue.takeDue(untilMs)) {
      this.moveClockTo(action.atMs);
      if (action.kind === 'visit') {
        this.visit(action.shopper);
      } else {
        this.client.track(action.event, contextOf(action.shopper), action.properties);
        this.counts.tracked++;
      }
    }
  }

  private moveClockTo(ms: number): void {
    if (this.clock.simulating) this.clock.simulate(ms);
  }

  /**
   * What the shop's code does on every visit: evaluate its four flags, each
   * with the default it falls back to. A shopper's visits are at least an
   * hour apart, so each records four exposures.
   */
  private visit(shopper: Shopper): Served {
    this.counts.visits++;
    const context = contextOf(shopper);
    const served = {
      newCheckout: this.client.boolean('new-checkout', context, false),
      searchV2: this.client.boolean('search-v2', context, false),
      recommendations: this.client.boolean('recommendations', context, true),
    };
    // The theme changes nothing shoppers do, but is served (and exposed) all the same.
    this.client.boolean('dark-mode', context, false);
    return served;
  }
}

function contextOf(shopper: Shopper): Record<string, string | boolean> {
  return { key: shopper.key, ...shopper.attributes };
}
