import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { mainStorage } from '../../lib/mainStorage';
import { useHydrated } from '../../lib/useHydrated';
import { useShallow } from 'zustand/react/shallow';
import { validateParams } from '@shared/completions/validateParams';
import { initialParamsForm, restoreParamsForm, type ParamsForm } from './formState';
import { messagesFor, validateForm, visibleIssues, type FormValidation } from './formValidation';
import { emptyRow, jsonTextToRows, rowsToJsonText, type LogitBiasMode, type LogitBiasRow } from './logitBias';
import type { NumberParamName } from './paramDocs';

export const MAX_STOP_SEQUENCES = 4;

interface ParamsState {
  form: ParamsForm;
  /** Whether Run was pressed in this session (not persisted): from then on every issue shows. */
  runAttempted: boolean;
}

const useParamsStore = create<ParamsState>()(
  persist((): ParamsState => ({ form: initialParamsForm, runAttempted: false }), {
    name: 'completions-playground.params',
    version: 1,
    storage: createJSONStorage(() => mainStorage),
    partialize: (state) => ({ form: state.form }),
    merge: (stored, current) => ({
      ...current,
      form: restoreParamsForm(
        typeof stored === 'object' && stored !== null ? Reflect.get(stored, 'form') : null,
      ),
    }),
  }),
);

function update(patch: (form: ParamsForm) => Partial<ParamsForm>): void {
  useParamsStore.setState((state) => ({ form: { ...state.form, ...patch(state.form) } }));
}

/** Actions named for what the user did. */
export const paramsActions = {
  runAttempted: () => {
    if (!useParamsStore.getState().runAttempted) useParamsStore.setState({ runAttempted: true });
  },
  modelChanged: (model: string) => update(() => ({ model })),
  promptChanged: (prompt: string) => update(() => ({ prompt })),
  multiPromptToggled: (multiPrompt: boolean) =>
    update((form) =>
      multiPrompt
        ? { multiPrompt, prompts: [form.prompt, ...form.prompts.slice(1)] }
        : { multiPrompt, prompt: form.prompts[0] ?? '' },
    ),
  promptAdded: () => update((form) => ({ prompts: [...form.prompts, ''] })),
  promptEdited: (index: number, text: string) =>
    update((form) => ({ prompts: form.prompts.map((prompt, i) => (i === index ? text : prompt)) })),
  promptRemoved: (index: number) =>
    update((form) => ({
      prompts: form.prompts.length > 1 ? form.prompts.filter((_, i) => i !== index) : [''],
    })),
  suffixChanged: (suffix: string) => update(() => ({ suffix })),
  numberChanged: (name: NumberParamName, text: string) =>
    update((form) => ({ numbers: { ...form.numbers, [name]: text } })),
  stopAdded: (sequence: string) =>
    update((form) =>
      sequence === '' || form.stop.includes(sequence) || form.stop.length >= MAX_STOP_SEQUENCES
        ? {}
        : { stop: [...form.stop, sequence] },
    ),
  stopRemoved: (index: number) => update((form) => ({ stop: form.stop.filter((_, i) => i !== index) })),
  echoToggled: (echo: boolean) => update(() => ({ echo })),
  userChanged: (user: string) => update(() => ({ user })),
  streamToggled: (stream: boolean) => update(() => ({ stream })),
  includeUsageToggled: (includeUsage: boolean) => update(() => ({ includeUsage })),
  logitBiasRowAdded: () => update((form) => ({ logitBiasRows: [...form.logitBiasRows, emptyRow()] })),
  logitBiasRowEdited: (id: string, patch: Partial<Omit<LogitBiasRow, 'id'>>) =>
    update((form) => ({
      logitBiasRows: form.logitBiasRows.map((row) => (row.id === id ? { ...row, ...patch } : row)),
    })),
  logitBiasRowRemoved: (id: string) =>
    update((form) => ({ logitBiasRows: form.logitBiasRows.filter((row) => row.id !== id) })),
  logitBiasJsonEdited: (logitBiasJson: string) => update(() => ({ logitBiasJson })),
  /** Switching to rows needs valid JSON; otherwise the JSON stays as typed and the reason comes back. */
  logitBiasModeSwitched(mode: LogitBiasMode): string | null {
    const { form } = useParamsStore.getState();
    if (mode === form.logitBiasMode) return null;
    if (mode === 'json') {
      update(() => ({ logitBiasMode: 'json', logitBiasJson: rowsToJsonText(form.logitBiasRows) }));
      return null;
    }
    const rows = jsonTextToRows(form.logitBiasJson);
    if (!rows.ok) return 'Fix the JSON to switch back to rows; nothing was changed.';
    update(() => ({ logitBiasMode: 'rows', logitBiasRows: rows.rows }));
    return null;
  },
  fallbackAdded: (fallback: string) =>
    update((form) => (form.fallbacks.includes(fallback) ? {} : { fallbacks: [...form.fallbacks, fallback] })),
  fallbackRemoved: (index: number) =>
    update((form) => ({ fallbacks: form.fallbacks.filter((_, i) => i !== index) })),
  /** Replaces the whole form (a reopened run, an applied preset, an imported request). */
  formReplaced: (form: ParamsForm) => useParamsStore.setState({ form }),
  /** Back to defaults, keeping the model and the prompts. */
  parametersReset: () =>
    update((form) => ({
      ...initialParamsForm,
      model: form.model,
      prompt: form.prompt,
      multiPrompt: form.multiPrompt,
      prompts: form.prompts,
    })),
};

export function getParamsForm(): ParamsForm {
  return useParamsStore.getState().form;
}

// ---- selectors ----

export function useParamsField<T>(select: (form: ParamsForm) => T): T {
  return useParamsStore((state) => select(state.form));
}

export function useParamsList<T>(select: (form: ParamsForm) => readonly T[]): readonly T[] {
  return useParamsStore(useShallow((state) => select(state.form)));
}

let lastValidation: { form: ParamsForm; result: FormValidation } | null = null;

/** Validation of the current form, computed once per form change however many fields ask. */
export function selectValidation(form: ParamsForm): FormValidation {
  if (lastValidation?.form !== form) lastValidation = { form, result: validateForm(form, validateParams) };
  return lastValidation.result;
}

export function getValidation(): FormValidation {
  return selectValidation(getParamsForm());
}

function shownIssues(state: ParamsState) {
  return visibleIssues(selectValidation(state.form).issues, state.form, state.runAttempted);
}

export const useFieldErrors = (field: string): readonly string[] =>
  useParamsStore(useShallow((state) => messagesFor(shownIssues(state), field)));

export const useFieldWarnings = (field: string): readonly string[] =>
  useParamsStore(useShallow((state) => messagesFor(selectValidation(state.form).warnings, field)));

export const useIssueCount = (): number => useParamsStore((state) => shownIssues(state).length);

export function useValidationIssues() {
  return useParamsStore(useShallow((state) => shownIssues(state)));
}

/** Whether the saved form has been loaded (the app is not ready before). */
export const useParamsHydrated = (): boolean => useHydrated(useParamsStore);
