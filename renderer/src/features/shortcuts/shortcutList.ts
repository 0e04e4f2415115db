/**
 * The app's keyboard shortcuts: what the help overlay lists and what the global handler matches.
 * Run and Stop are handled by the run bar (features/runs/components/RunBar.tsx); the others here.
 */
export type ShortcutId = 'run' | 'stop' | 'focus-prompt' | 'copy-curl' | 'open-history' | 'help';

export interface ShortcutSpec {
  id: ShortcutId;
  description: string;
  /** Keys to press together, as shown (Ctrl becomes ⌘ on macOS). */
  keys: (isMac: boolean) => string[];
}

const mod = (isMac: boolean): string => (isMac ? '⌘' : 'Ctrl');

export const SHORTCUTS: readonly ShortcutSpec[] = [
  { id: 'run', description: 'Run', keys: (isMac) => [mod(isMac), 'Enter'] },
  { id: 'stop', description: 'Stop the run', keys: () => ['Esc'] },
  // Alt+P: Ctrl/Cmd+L is the browser's address bar, and Chromium keeps it.
  { id: 'focus-prompt', description: 'Focus the prompt', keys: (isMac) => [isMac ? '⌥' : 'Alt', 'P'] },
  {
    id: 'copy-curl',
    description: 'Copy as curl (the form’s request)',
    keys: (isMac) => [mod(isMac), 'Shift', 'C'],
  },
  { id: 'open-history', description: 'Open the history', keys: (isMac) => [mod(isMac), 'H'] },
  { id: 'help', description: 'Show these shortcuts', keys: () => ['?'] },
];

/** The parts of a KeyboardEvent the matcher reads. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface KeyContext {
  isMac: boolean;
  /** Focus is in a text entry (input, textarea, select, contenteditable): `?` types there. */
  inTextField: boolean;
  /** A dialog or popup is open: the page's shortcuts wait. */
  overlayOpen: boolean;
}

/** A letter key, by character or (for Alt on macOS, which types π for P) by physical key. */
function isLetter(press: KeyPress, letter: string): boolean {
  return press.key.toLowerCase() === letter || press.code === `Key${letter.toUpperCase()}`;
}

/** The shortcut handled here that `press` triggers, if any (Run and Stop are the run bar's). */
export function matchShortcut(press: KeyPress, context: KeyContext): ShortcutId | null {
  if (context.overlayOpen) return null;
  const modKey = context.isMac ? press.metaKey : press.ctrlKey;
  const otherMod = context.isMac ? press.ctrlKey : press.metaKey;
  if (otherMod) return null;
  if (modKey && press.shiftKey && !press.altKey && isLetter(press, 'c')) return 'copy-curl';
  if (modKey && !press.shiftKey && !press.altKey && isLetter(press, 'h')) return 'open-history';
  if (!modKey && press.altKey && !press.shiftKey && isLetter(press, 'p')) return 'focus-prompt';
  if (!modKey && !press.altKey && press.key === '?' && !context.inTextField) return 'help';
  return null;
}

/** What isTextEntry reads of an element (an HTMLElement has it all). */
export interface ElementLike {
  tagName: string;
  getAttribute(name: string): string | null;
  isContentEditable?: boolean;
}

/** Whether an element takes typed text (so `?` belongs to it). */
export function isTextEntry(element: ElementLike | null): boolean {
  if (!element) return false;
  if (element.isContentEditable === true) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  const type = (element.getAttribute('type') ?? 'text').toLowerCase();
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(
    type,
  );
}
