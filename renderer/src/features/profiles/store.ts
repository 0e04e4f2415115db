import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface ProfileChoiceState {
  chosenProfileId: string | null;
}

const useProfileChoiceStore = create<ProfileChoiceState>()(
  persist(() => ({ chosenProfileId: null as string | null }), {
    name: 'completions-playground.profile',
    version: 1,
    storage: createJSONStorage(() => localStorage),
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
