const WINDOW = 1024;
/** Fewer hits than this in a window of lookups: the values are not coming back. */
const MIN_HITS = WINDOW / 16;
/** Lookups to skip before trying again: a file's rows may start to repeat later on. */
const REST = 16 * WINDOW;

/**
 * A small, bounded memo for a stream of rows that may repeat (a spreadsheet of a few scenarios)
 * or may all differ (each patient's own deductible). When recent lookups rarely hit, it rests:
 * `wanted()` is false, so the caller skips making the key, and nothing is stored. Storing values
 * that are never read again is worse than useless: a long-lived map holding young values keeps
 * them alive through the garbage collector's young-generation passes, which then copy and
 * promote them (it made a file of all-different rows 4x slower to collect).
 */
export class RepeatCache<K, V> {
  private map = new Map<K, V>();
  private lookups = 0;
  private hits = 0;
  private resting = 0;

  constructor(private readonly limit: number) {}

  /** Whether a lookup is worth its key now; counts down the rest. */
  wanted(): boolean {
    if (this.resting === 0) return true;
    this.resting -= 1;
    return false;
  }

  /** The stored value, or undefined (always, for an undefined key). */
  get(key: K | undefined): V | undefined {
    if (key === undefined) return undefined;
    const value = this.map.get(key);
    this.lookups += 1;
    if (value !== undefined) this.hits += 1;
    if (this.lookups === WINDOW) {
      if (this.hits < MIN_HITS) {
        this.resting = REST;
        this.map = new Map();
      }
      this.lookups = 0;
      this.hits = 0;
    }
    return value;
  }

  /** Stores a value (not for an undefined key, nor while resting); when full, all go (cheaper than tracking age). */
  set(key: K | undefined, value: V): void {
    if (key === undefined || this.resting > 0) return;
    // A new Map, not clear(): a cleared Map's old table still holds its entries and links to the
    // new one, so once one table is old, every later entry is kept alive until a full collection.
    if (this.map.size >= this.limit) this.map = new Map();
    this.map.set(key, value);
  }
}
