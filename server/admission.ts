// Load shedding: at most `concurrency` requests run at once, at most `queue` more wait, each at
// most `waitMs`; beyond that a request is answered at once with 503 and Retry-After, so a burst
// beyond capacity costs the server almost nothing and the admitted requests keep their latency.
// Much of a request's work is synchronous (the SQLite driver, GraphQL execution), so requests
// also wait where no counter sees them — in sockets, before the event loop reads them. The event
// loop's lag measures that wait: while it is above `maxLagMs`, new requests are refused at once.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface AdmissionLimits {
  concurrency: number;
  queue: number;
  waitMs: number;
  maxLagMs: number;
  /** Lag counts as load only above this many requests a second (below, it is a pause or a neighbour). */
  minBusyRate: number;
}

export const ADMISSION: AdmissionLimits = {
  concurrency: Number(process.env.MAX_CONCURRENT_REQUESTS ?? 8),
  queue: Number(process.env.MAX_QUEUED_REQUESTS ?? 64),
  waitMs: Number(process.env.QUEUE_TIMEOUT_MS ?? 1000),
  maxLagMs: Number(process.env.MAX_EVENT_LOOP_LAG_MS ?? 40),
  minBusyRate: Number(process.env.MIN_BUSY_REQUESTS_PER_SECOND ?? 50),
};

/** The event loop's recent delay (ms), sampled over the last quarter second. */
class LagMonitor {
  private readonly histogram = monitorEventLoopDelay({ resolution: 10 });
  lagMs = 0;
  constructor() {
    this.histogram.enable();
    const timer = setInterval(() => {
      this.lagMs = this.histogram.max / 1e6;
      this.histogram.reset();
    }, 250);
    timer.unref();
  }
}

export class Admission {
  private running = 0;
  private readonly waiting: { admit: () => void; timer: NodeJS.Timeout }[] = [];
  /** Requests refused so far (the load benchmark reads it). */
  refused = 0;
  private second = 0;
  private thisSecond = 0;
  private lastSecond = 0;

  constructor(
    private readonly limits: AdmissionLimits,
    private readonly lag: { lagMs: number } = new LagMonitor(),
  ) {}

  /** Resolves with a release function when admitted; null when refused (queue full or waited too long). */
  enter(): Promise<(() => void) | null> {
    // Lag is load to shed only while requests keep coming; a few requests in a lagging loop are a
    // pause or a busy neighbour (a shared machine), and are admitted.
    const rate = this.rate();
    if (this.lag.lagMs > this.limits.maxLagMs && rate >= this.limits.minBusyRate) {
      this.refused++;
      return Promise.resolve(null);
    }
    if (this.running < this.limits.concurrency) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.limits.queue) {
      this.refused++;
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      const entry = {
        admit: () => {
          clearTimeout(entry.timer);
          this.running++;
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          this.refused++;
          resolve(null);
        }, this.limits.waitMs),
      };
      this.waiting.push(entry);
    });
  }

  /** Requests that arrived in about the last second (this second's, plus the last one's share). */
  private rate(): number {
    const now = performance.now();
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.lastSecond = second === this.second + 1 ? this.thisSecond : 0;
      this.thisSecond = 0;
      this.second = second;
    }
    this.thisSecond++;
    return this.thisSecond + this.lastSecond * (1 - (now / 1000 - second));
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.running--;
      this.waiting.shift()?.admit();
    };
  }
}
