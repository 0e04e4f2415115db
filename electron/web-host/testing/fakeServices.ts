import type { AppServices, Handlers } from '../../services/router';

const notInFake = (): never => {
  throw new Error('not in this fake');
};

/** A tiny AppServices for transport tests: app.info answers, profiles.list emits an event. */
export function createFakeServices(): AppServices & { closed: string[]; whenClosed(): Promise<string> } {
  const closed: string[] = [];
  let notifyClosed: ((clientId: string) => void) | undefined;
  const handlers: Handlers = {
    'app.info': () => ({
      mode: 'web',
      version: '9.9.9',
      keyStorage: { persistent: false, description: 'memory' },
      warnings: [],
    }),
    'profiles.list': (_input, ctx) => {
      ctx.emit('profiles.changed', {});
      return [];
    },
    'profiles.save': notInFake,
    'profiles.delete': notInFake,
    'keys.set': notInFake,
    'keys.clear': notInFake,
    'keys.test': notInFake,
    'keys.copy': notInFake,
    'engine.models': notInFake,
    'engine.download': notInFake,
    'engine.pick': notInFake,
    'engine.cancel': notInFake,
    'engine.remove': notInFake,
    'models.list': notInFake,
    'requests.preview': notInFake,
    'runs.start': notInFake,
    'runs.stop': notInFake,
    'settings.get': notInFake,
    'settings.set': notInFake,
    'prices.get': notInFake,
    'prices.set': notInFake,
    'history.list': notInFake,
    'history.get': notInFake,
    'history.delete': notInFake,
    'history.export': notInFake,
    'history.import': notInFake,
    'presets.list': notInFake,
    'presets.save': notInFake,
    'presets.rename': notInFake,
    'presets.delete': notInFake,
    'presets.import': notInFake,
  };
  return {
    handlers,
    closed,
    clientClosed(clientId) {
      closed.push(clientId);
      notifyClosed?.(clientId);
    },
    whenClosed() {
      return new Promise((resolve) => {
        notifyClosed = resolve;
      });
    },
    async dispose() {},
  };
}
