import { useEffect, useState } from 'react';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import { isTextEntry, matchShortcut, SHORTCUTS, type ShortcutId } from './shortcutList';
import { COPY_AS_CURL_EVENT, OPEN_HISTORY_EVENT } from './shortcutEvents';
import './shortcuts.css';
import { DialogHead } from '../../ui/DialogHead';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function anOverlayIsOpen(): boolean {
  return (
    document.querySelector('[role="dialog"], [role="alertdialog"], [role="listbox"], [role="menu"]') !== null
  );
}

/** The prompt (the first one when there are several). */
function focusPrompt(): void {
  document.querySelector<HTMLTextAreaElement>('.prompt-editor textarea')?.focus();
}

/**
 * The app-wide shortcuts (focus prompt, copy as curl, open history, `?`) and the help overlay that
 * lists them all. Mounted once, in App.
 */
export function KeyboardShortcuts() {
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    const actions: Partial<Record<ShortcutId, () => void>> = {
      'focus-prompt': focusPrompt,
      'copy-curl': () => window.dispatchEvent(new CustomEvent(COPY_AS_CURL_EVENT)),
      'open-history': () => window.dispatchEvent(new CustomEvent(OPEN_HISTORY_EVENT)),
      help: () => setHelpOpen(true),
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.repeat) return;
      const id = matchShortcut(event, {
        isMac,
        inTextField: isTextEntry(document.activeElement),
        overlayOpen: anOverlayIsOpen(),
      });
      const action = id ? actions[id] : undefined;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <ModalOverlay className="modal-overlay" isDismissable isOpen={helpOpen} onOpenChange={setHelpOpen}>
      <Modal className="modal shortcuts-modal">
        <Dialog className="dialog">
          {({ close }) => (
            <>
              <DialogHead title="Keyboard shortcuts" onClose={close} />
              <table className="shortcuts-table">
                <tbody>
                  {SHORTCUTS.map((shortcut) => (
                    <tr key={shortcut.id}>
                      <th scope="row">{shortcut.description}</th>
                      <td>
                        {shortcut.keys(isMac).map((key, index) => (
                          <span key={key}>
                            {index > 0 ? '+' : null}
                            <kbd>{key}</kbd>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
