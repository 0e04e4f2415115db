import { create } from 'zustand';

interface PriceEditorState {
  open: boolean;
  /** The model the form starts with (e.g. from "Set price" on a run). */
  model: string;
}

const usePriceEditorStore = create<PriceEditorState>()(() => ({ open: false, model: '' }));

export const priceEditorActions = {
  openFor: (model = '') => usePriceEditorStore.setState({ open: true, model }),
  closed: () => usePriceEditorStore.setState({ open: false }),
};

export const usePriceEditor = (): PriceEditorState => usePriceEditorStore((state) => state);
