import { create } from 'zustand';

/** Dispatched on `window` to open the history (the Ctrl/Cmd+H shortcut does). */
export { OPEN_HISTORY_EVENT } from '../shortcuts/shortcutEvents';

const useHistoryPanelStore = create<{ open: boolean }>()(() => ({ open: false }));

export const historyPanelActions = {
  opened: () => useHistoryPanelStore.setState({ open: true }),
  closed: () => useHistoryPanelStore.setState({ open: false }),
};

export const useHistoryPanelOpen = (): boolean => useHistoryPanelStore((state) => state.open);
