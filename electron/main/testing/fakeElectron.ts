import { EventEmitter } from 'node:events';

/** A webContents stand-in: events, window-open handler, sends recorded. */
export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  destroyed = false;
  sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

/** Emits an event the way Electron does (first argument an Event with preventDefault). */
export function emitPreventable(
  target: EventEmitter,
  name: string,
  ...args: unknown[]
): { defaultPrevented: boolean } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  target.emit(name, event, ...args);
  return event;
}
