/** Something with a text piece (a token event). */
export interface HasText {
  text: string;
}

export interface StopResult<T> {
  /** Items that can be sent now, in order (the one straddling a stop cut has its text trimmed). */
  release: T[];
  /** True when a stop sequence was found: nothing more is to be generated. */
  stopped: boolean;
}

interface Group<T> {
  items: T[];
  text: string;
}

/**
 * Applies stop sequences to a stream of text pieces without ever sending text past a stop: pieces
 * that could be the start of a stop sequence are held until it is clear. On a match, the text is cut
 * before the stop; the piece straddling the cut keeps only its text before it, and pieces starting at
 * or after the cut are dropped.
 *
 * Items are pushed in groups that stay together (the tokens of one multi-byte character: only the last
 * one carries text).
 */
export class StopMatcher<T extends HasText> {
  private held: Array<Group<T>> = [];
  private heldText = '';
  private readonly stops: string[];

  constructor(stops: readonly string[] = []) {
    this.stops = stops.filter((stop) => stop.length > 0);
  }

  push(items: T[]): StopResult<T> {
    if (this.stops.length === 0) return { release: items, stopped: false };
    const text = items.map((item) => item.text).join('');
    this.held.push({ items, text });
    this.heldText += text;
    const cut = this.firstMatch();
    if (cut !== null) return { release: this.cutAt(cut), stopped: true };
    return { release: this.releaseBefore(this.heldText.length - this.partialMatchLength()), stopped: false };
  }

  /** At the end of generation (no stop found): everything still held. */
  flush(): T[] {
    const rest = this.held.flatMap((group) => group.items);
    this.held = [];
    this.heldText = '';
    return rest;
  }

  private firstMatch(): number | null {
    let cut: number | null = null;
    for (const stop of this.stops) {
      const at = this.heldText.indexOf(stop);
      if (at >= 0 && (cut === null || at < cut)) cut = at;
    }
    return cut;
  }

  /** Length of the longest tail of the held text that is the beginning of some stop sequence. */
  private partialMatchLength(): number {
    let longest = 0;
    for (const stop of this.stops) {
      for (let length = Math.min(stop.length - 1, this.heldText.length); length > longest; length--) {
        if (this.heldText.endsWith(stop.slice(0, length))) {
          longest = length;
          break;
        }
      }
    }
    return longest;
  }

  /** Releases the groups that end at or before `limit` in the held text; keeps the rest. */
  private releaseBefore(limit: number): T[] {
    const release: T[] = [];
    let end = 0;
    while (this.held.length > 0) {
      const group = this.held[0]!;
      if (end + group.text.length > limit) break;
      end += group.text.length;
      release.push(...group.items);
      this.held.shift();
    }
    this.heldText = this.heldText.slice(end);
    return release;
  }

  /** Everything before `cut` (the straddling group's text trimmed); the rest is dropped. */
  private cutAt(cut: number): T[] {
    const release: T[] = [];
    let start = 0;
    for (const group of this.held) {
      if (start >= cut) break;
      for (const item of group.items) {
        const keep = Math.max(0, cut - start);
        release.push(item.text.length > keep ? { ...item, text: item.text.slice(0, keep) } : item);
        start += item.text.length;
      }
    }
    this.held = [];
    this.heldText = '';
    return release;
  }
}
