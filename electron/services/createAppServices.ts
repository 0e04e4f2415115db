import { copyWithKey, type Clipboard } from './exports/copyWithKey';
import { connectProfile, LOCAL_KEY_STATUS, type LocalEngines } from './local/localEngines';
import { createModelLibrary, suggestedModels } from './local/modelLibrary';

/** Folder (under the user-data folder) of the built-in engine's downloaded models. */
export const MODELS_DIR_NAME = 'models';
import { join } from 'node:path';
import type { Profile, ProfileView } from '@shared/contracts/profiles';
import { resolveKey, type Env } from './keys/resolveKey';
import type { SecretStore } from './keys/secretStore';
import { listModels, testKey } from './models/modelLister';
import { createHistoryRecorder } from './history/historyRecorder';
import { createHistoryStore, type HistoryStore } from './history/historyStore';
import { createPresetStore } from './presets/presetStore';
import { createPriceStore } from './prices/priceStore';
import { createSettingsStore } from './settings/settingsStore';
import { createProfileStore, type ProfileStore } from './profiles/profileStore';
import type { AppServices, Handlers } from './router';
import type { FetchLike } from './runner/launchRun';
import { prepareRequest } from './runner/prepareRequest';
import { createRunManager, type RunManager } from './runner/runManager';
import type { Clock } from './runner/timers';

export const PROFILES_FILE_NAME = 'profiles.json';
export const PRICES_FILE_NAME = 'prices.json';
export const SETTINGS_FILE_NAME = 'settings.json';
export const PRESETS_FILE_NAME = 'presets.json';
/** Folder of the run history (index.json + runs/<id>.json), under the user-data folder. */
export const HISTORY_DIR_NAME = 'history';

export interface AppServicesOptions {
  mode: 'electron' | 'web';
  version: string;
  /** Folder for profiles.json (Electron: app.getPath('userData')). */
  userDataDir: string;
  /** Profiles from the `--config` file, already parsed with configFileSchema. */
  presets: Profile[];
  secretStore: SecretStore;
  /** Environment the keys may come from (process.env in production). */
  env: Env;
  /** Default: Node's global fetch. Electron may pass net.fetch. */
  fetch?: FetchLike;
  /** Monotonic ms clock for run timings. Default performance.now(). */
  now?: () => number;
  setTimer?: Clock['setTimer'];
  clearTimer?: Clock['clearTimer'];
  flushIntervalMs?: number;
  /** The built-in llama.cpp engines (for `local` profiles); absent where the engine cannot run. */
  localEngines?: LocalEngines;
  /** Electron's file dialog for a GGUF model (null when cancelled); browser mode has none. */
  pickModelFile?: () => Promise<string | null>;
  /** Electron's clipboard, for exports with the real key (main writes them; browser mode has none). */
  clipboard?: Clipboard;
}

export interface CreatedAppServices extends AppServices {
  /** Problems found while loading saved data (damaged files moved aside), in words for the user. */
  startupWarnings(): Promise<string[]>;
  readonly profiles: ProfileStore;
  readonly runs: RunManager;
  readonly history: HistoryStore;
}

/** Wires every route of shared/contracts/api.ts to the Electron-free services. */
export function createAppServices(options: AppServicesOptions): CreatedAppServices {
  const { secretStore, env } = options;
  const fetch: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const profiles = createProfileStore({
    file: join(options.userDataDir, PROFILES_FILE_NAME),
    presets: options.presets,
  });

  const prices = createPriceStore(join(options.userDataDir, PRICES_FILE_NAME));
  const settings = createSettingsStore(join(options.userDataDir, SETTINGS_FILE_NAME));
  const presets = createPresetStore({ file: join(options.userDataDir, PRESETS_FILE_NAME) });
  const history = createHistoryStore({ dir: join(options.userDataDir, HISTORY_DIR_NAME) });
  const recorder = createHistoryRecorder({
    store: history,
    setTimer: options.setTimer,
    clearTimer: options.clearTimer,
  });

  const requireProfile = async (profileId: string): Promise<Profile> => {
    const profile = await profiles.get(profileId);
    if (!profile) throw new Error(`Unknown profile: ${profileId}`);
    return profile;
  };
  const keyOf = async (profile: Profile) => resolveKey(profile, secretStore, env);
  /**
   * The profile and key a request goes out with: a local profile is its engine's server (started on
   * first use) with the engine's token; any other profile as saved, with its resolved key.
   */
  const network = async (profile: Profile): Promise<{ profile: Profile; key: string | undefined }> => {
    const local = await connectProfile(profile, options.localEngines);
    return local ?? { profile, key: (await keyOf(profile)).value };
  };
  const keyStatusOf = async (profile: Profile) => {
    if (profile.kind === 'local') return LOCAL_KEY_STATUS;
    const { status } = await keyOf(profile);
    const problem = await secretStore.problem?.(profile.id);
    return problem && !status.configured ? { ...status, problem } : status;
  };
  const viewOf = async (profile: Profile): Promise<ProfileView> => ({
    ...profile,
    keyStatus: await keyStatusOf(profile),
  });

  const modelLibrary = createModelLibrary({
    dir: join(options.userDataDir, MODELS_DIR_NAME),
    suggested: suggestedModels(env.PLAYGROUND_MODEL_MIRROR),
  });

  const runs = createRunManager({
    fetch,
    now: options.now,
    setTimer: options.setTimer,
    clearTimer: options.clearTimer,
    flushIntervalMs: options.flushIntervalMs,
    resolveProfile: async (profileId) => {
      const profile = await profiles.get(profileId);
      return profile && (await network(profile)).profile;
    },
    resolveKey: async (profile) => (await network(profile)).key,
  });

  const handlers: Handlers = {
    'app.info': async () => ({
      mode: options.mode,
      version: options.version,
      keyStorage: { persistent: secretStore.persistent, description: secretStore.description },
      warnings: await startupWarnings(),
    }),
    'profiles.list': async () => Promise.all((await profiles.list()).map(viewOf)),
    'profiles.save': async (profile) => {
      // A stored key belongs to the server it was entered for: moving the profile to another
      // origin forgets it rather than sending it somewhere new.
      const previous = await profiles.get(profile.id);
      if (previous && new URL(previous.baseUrl).origin !== new URL(profile.baseUrl).origin) {
        await secretStore.clear(profile.id);
      }
      return viewOf(await profiles.save(profile));
    },
    'profiles.delete': async ({ profileId }) => {
      const deleted = await profiles.delete(profileId);
      // A key must not outlive its profile (a new profile could reuse the id).
      await secretStore.clear(profileId);
      return { deleted };
    },
    'keys.set': async ({ profileId, key }) => {
      const profile = await requireProfile(profileId);
      await secretStore.set(profileId, key);
      return keyStatusOf(profile);
    },
    'keys.clear': async ({ profileId }) => {
      const profile = await requireProfile(profileId);
      await secretStore.clear(profileId);
      return keyStatusOf(profile);
    },
    'keys.test': async ({ profileId }) => {
      const profile = await requireProfile(profileId);
      const target = await network(profile);
      return testKey(target.profile, target.key, fetch);
    },
    'keys.copy': async ({ profileId, source, target }) => {
      const profile = await requireProfile(profileId);
      const sent = await network(profile);
      return copyWithKey(sent.profile, sent.key, source, target, options.clipboard);
    },
    'models.list': async ({ profileId }) => {
      const profile = await requireProfile(profileId);
      const target = await network(profile);
      return listModels(target.profile, target.key, fetch);
    },
    'requests.preview': async ({ profileId, params }) => {
      const profile = await requireProfile(profileId);
      const target = await network(profile);
      return prepareRequest(target.profile, params, target.key).preview;
    },
    'runs.start': async (input, ctx) => {
      // Every event of the run also goes to the history (the run is saved as it streams).
      const profile = await profiles.get(input.profileId);
      if (!profile) return runs.start(input, ctx);
      const tracked = recorder.track(ctx, input, { id: profile.id, name: profile.name, kind: profile.kind });
      try {
        const started = await runs.start(input, tracked.ctx);
        tracked.started(started.request);
        return started;
      } catch (error) {
        tracked.cancel();
        throw error;
      }
    },
    'runs.stop': ({ runId }, ctx) => ({ stopped: runs.stop(runId, ctx.clientId) }),
    'settings.get': async ({ key }) => ({ value: await settings.get(key) }),
    'settings.set': async ({ key, value }) => {
      await settings.set(key, value);
      return {};
    },
    'prices.get': () => prices.get(),
    'prices.set': ({ model, price }) => prices.set(model, price),
    // Runs that just ended are saved a moment later (see HISTORY_FINAL_SAVE_DELAY_MS): reads make
    // those saves first, and a delete must not be undone by one.
    'history.list': async (query) => (await recorder.flush(), history.list(query)),
    'history.get': async ({ id }) => (await recorder.flush(), history.get(id)),
    'history.delete': async ({ id }) => (await recorder.flush(), { deleted: await history.delete(id) }),
    'history.export': async ({ ids }) => (await recorder.flush(), { json: await history.exportRuns(ids) }),
    'history.import': ({ json }) => history.importRuns(json),
    'engine.models': () => modelLibrary.list(),
    'engine.download': ({ suggestedId }, ctx) =>
      modelLibrary.download(suggestedId, (progress) => ctx.emit('engine.progress', progress)),
    'engine.pick': async () =>
      options.pickModelFile
        ? { path: await options.pickModelFile(), available: true }
        : { path: null, available: false },
    'engine.cancel': ({ downloadId }) => ({ cancelled: modelLibrary.cancel(downloadId) }),
    'engine.remove': async ({ file }) => ({ removed: await modelLibrary.remove(file) }),
    'presets.list': async () => {
      const warning = await presets.loadWarning();
      return { presets: await presets.list(), ...(warning === undefined ? {} : { warning }) };
    },
    'presets.save': ({ name, params }) => presets.save(name, params),
    'presets.rename': ({ id, name }) => presets.rename(id, name),
    'presets.delete': async ({ id }) => ({ deleted: await presets.delete(id) }),
    'presets.import': ({ json }) => presets.importPresets(json),
  };

  return {
    handlers,
    profiles,
    runs,
    history,
    clientClosed(clientId) {
      runs.stopAllFor(clientId);
      recorder.clientClosed(clientId);
    },
    async dispose() {
      await runs.dispose();
      await recorder.dispose();
      modelLibrary.cancelAll();
      await options.localEngines?.closeAll();
      await history.flush();
    },
    startupWarnings,
  };

  async function startupWarnings(): Promise<string[]> {
    const warnings: Array<string | undefined> = [
      await profiles.loadWarning().catch((e: unknown) => String(e)),
    ];
    if (secretStore.loadWarning) warnings.push(await secretStore.loadWarning().catch(() => undefined));
    warnings.push(await history.loadWarning().catch((e: unknown) => String(e)));
    warnings.push(await presets.loadWarning().catch((e: unknown) => String(e)));
    return warnings.filter((w): w is string => w !== undefined);
  }
}
