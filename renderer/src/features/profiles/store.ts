import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { mainStorage } from '../../lib/mainStorage';
import { useHydrated } from '../../lib/useHydrated';

interface ProfileChoiceState {
  chosenProfileId: string | null;
}

const useProfileChoiceStore = create<ProfileChoiceState>()(
  persist(() => ({ chosenProfileId: null as string | null }), {
    name: 'completions-playground.profile',
    version: 1,
    storage: createJSONStorage(() => mainStorage),
    merge: (stored, current) => {
      const id =
        typeof stored === 'object' && stored !== null ? Reflect.get(stored, 'chosenProfileId') : null;
      return { ...current, chosenProfileId: typeof id === 'string' ? id : null };
    },
  }),
);

export const profileChoiceActions = {
  profileChosen: (chosenProfileId: string) => useProfileChoiceStore.setState({ chosenProfileId }),
};

export const useChosenProfileId = (): string | null =>
  useProfileChoiceStore((state) => state.chosenProfileId);

/** Whether the saved profile choice has been loaded. */
export const useProfileChoiceHydrated = (): boolean => useHydrated(useProfileChoiceStore);
