/**
 * Serves one holder at a time, in arrival order. `acquire` resolves with a release function when it
 * is the caller's turn, or rejects with the signal's reason when aborted while waiting (the caller then
 * leaves the queue at once).
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  acquire(signal?: AbortSignal): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => mine);
    let released = false;
    const releaseOnce = () => {
      if (released) return;
      released = true;
      release();
    };
    if (!signal) return before.then(() => releaseOnce);
    return new Promise<() => void>((resolve, reject) => {
      const onAbort = () => {
        // Our turn passes straight to the next waiter, whenever it comes.
        releaseOnce();
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      void before.then(() => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) return;
        resolve(releaseOnce);
      });
    });
  }

  /** Resolves once everyone queued so far has released. */
  idle(): Promise<void> {
    return this.tail;
  }
}
