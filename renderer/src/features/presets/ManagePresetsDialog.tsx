import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Modal, ModalOverlay } from 'react-aria-components';
import type { Preset } from '@shared/contracts/presets';
import { PresetItem } from './PresetItem';
import { PresetsTransfer } from './PresetsTransfer';
import { DialogHead } from '../../ui/DialogHead';

/** "Manage…": rename, delete, export and import presets. */
export function ManagePresetsDialog({ presets }: { presets: readonly Preset[] }) {
  return (
    <DialogTrigger>
      <Button className="link-button" aria-label="Manage presets…">
        Manage…
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal preset-modal">
          <Dialog className="dialog" aria-label="Manage presets">
            {({ close }) => <PresetManager presets={presets} close={close} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function PresetManager({ presets, close }: { presets: readonly Preset[]; close: () => void }) {
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  return (
    <>
      <DialogHead title="Manage presets" onClose={close} />
      <div className="preset-manager">
        {presets.length === 0 ? (
          <p className="muted">
            No presets yet: save the current parameters with Save… in the sidebar, or import a file.
          </p>
        ) : (
          <ul className="preset-list" aria-label="Presets">
            {presets.map((preset) => (
              <PresetItem key={preset.id} preset={preset} onDone={setNotice} />
            ))}
          </ul>
        )}
        <div className={`form-message${notice?.tone === 'error' ? ' is-error' : ''}`} role="status">
          {notice?.text}
        </div>
        <PresetsTransfer presets={presets} />
      </div>
    </>
  );
}
