import { describe, expect, it } from 'vitest';
import { isTextEntry, matchShortcut, SHORTCUTS, type KeyContext, type KeyPress } from './shortcutList';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...extra,
});
const linux: KeyContext = { isMac: false, inTextField: false, overlayOpen: false };
const mac: KeyContext = { ...linux, isMac: true };

describe('matchShortcut', () => {
  it('matches each shortcut with Ctrl on Windows/Linux and ⌘ on macOS', () => {
    expect(matchShortcut(press('C', { ctrlKey: true, shiftKey: true }), linux)).toBe('copy-curl');
    expect(matchShortcut(press('C', { metaKey: true, shiftKey: true }), mac)).toBe('copy-curl');
    expect(matchShortcut(press('h', { ctrlKey: true }), linux)).toBe('open-history');
    expect(matchShortcut(press('h', { metaKey: true }), mac)).toBe('open-history');
    expect(matchShortcut(press('p', { altKey: true }), linux)).toBe('focus-prompt');
    // ⌥P types π on a Mac: the physical key decides.
    expect(matchShortcut({ ...press('π', { altKey: true }), code: 'KeyP' }, mac)).toBe('focus-prompt');
    expect(matchShortcut(press('?', { shiftKey: true }), linux)).toBe('help');
  });

  it('leaves other combinations alone', () => {
    expect(matchShortcut(press('c', { ctrlKey: true }), linux)).toBeNull(); // plain copy
    expect(matchShortcut(press('C', { metaKey: true, shiftKey: true }), linux)).toBeNull();
    expect(matchShortcut(press('h', { ctrlKey: true }), mac)).toBeNull();
    expect(matchShortcut(press('h', { ctrlKey: true, shiftKey: true }), linux)).toBeNull();
    expect(matchShortcut(press('p'), linux)).toBeNull();
    expect(matchShortcut(press('Enter', { ctrlKey: true }), linux)).toBeNull(); // the run bar's
  });

  it('lets ? type in text fields, and waits while a dialog is open', () => {
    expect(matchShortcut(press('?', { shiftKey: true }), { ...linux, inTextField: true })).toBeNull();
    expect(matchShortcut(press('p', { altKey: true }), { ...linux, inTextField: true })).toBe('focus-prompt');
    for (const key of [
      press('?'),
      press('C', { ctrlKey: true, shiftKey: true }),
      press('p', { altKey: true }),
    ]) {
      expect(matchShortcut(key, { ...linux, overlayOpen: true })).toBeNull();
    }
  });
});

describe('isTextEntry', () => {
  const element = (tagName: string, attributes: Record<string, string> = {}, isContentEditable = false) => ({
    tagName,
    isContentEditable,
    getAttribute: (name: string) => attributes[name] ?? null,
  });

  it('knows text inputs, text areas, selects and editable content', () => {
    expect(isTextEntry(element('INPUT'))).toBe(true);
    expect(isTextEntry(element('INPUT', { type: 'search' }))).toBe(true);
    expect(isTextEntry(element('TEXTAREA'))).toBe(true);
    expect(isTextEntry(element('SELECT'))).toBe(true);
    expect(isTextEntry(element('DIV', {}, true))).toBe(true);
  });

  it('does not count buttons, checkboxes or plain elements', () => {
    expect(isTextEntry(element('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTextEntry(element('BUTTON'))).toBe(false);
    expect(isTextEntry(element('DIV'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});

describe('SHORTCUTS', () => {
  it('lists every shortcut once, with its keys for each platform', () => {
    expect(SHORTCUTS.map((shortcut) => shortcut.id)).toEqual([
      'run',
      'stop',
      'focus-prompt',
      'copy-curl',
      'open-history',
      'help',
    ]);
    expect(SHORTCUTS.find((s) => s.id === 'copy-curl')?.keys(true)).toEqual(['⌘', 'Shift', 'C']);
    expect(SHORTCUTS.find((s) => s.id === 'copy-curl')?.keys(false)).toEqual(['Ctrl', 'Shift', 'C']);
  });
});
