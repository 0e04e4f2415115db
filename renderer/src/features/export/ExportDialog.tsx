import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Dialog,
  DialogTrigger,
  Modal,
  ModalOverlay,
  Tab,
  TabList,
  TabPanel,
  Tabs,
} from 'react-aria-components';
import { EXPORT_TARGETS, type ExportTarget } from '@shared/export/exportAs';
import type { ExportSource } from '@shared/export/exportRequest';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/routeError';
import { exportProfileFor, renderExport, type ExportProfile } from './exportText';
import { RealKeyOptIn, type KeyChoice } from './RealKeyOptIn';
import { useCopyStatus } from './useCopyStatus';
import { useExportProfile } from './useExportProfile';
import { DialogHead } from '../../ui/DialogHead';

interface ExportDialogProps {
  getSource: () => Promise<ExportSource>;
  profileId: string | null;
  /** The tab selected on opening (the curl of the chosen shell). */
  initialTarget: ExportTarget;
}

/** "More exports…": every export format with a preview, Copy, its notes, and the real-key opt-in. */
export function ExportDialog(props: ExportDialogProps) {
  return (
    <DialogTrigger>
      <Button className="button">More exports…</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal export-modal">
          <Dialog className="dialog export-dialog">
            {({ close }) => <ExportPanel {...props} close={close} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

type Loaded =
  { state: 'loading' } | { state: 'ready'; source: ExportSource } | { state: 'failed'; message: string };

function ExportPanel({
  getSource,
  profileId,
  initialTarget,
  close,
}: ExportDialogProps & { close: () => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [target, setTarget] = useState<ExportTarget>(initialTarget);
  const [keyChoice, setKeyChoice] = useState<KeyChoice>('variable');
  const profile = useExportProfile(profileId);

  // The request is read once per opening (a caller may pass a new getSource on every render).
  const readSource = useRef(getSource);
  useEffect(() => {
    let current = true;
    readSource.current().then(
      (source) => current && setLoaded({ state: 'ready', source }),
      (error: unknown) => current && setLoaded({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <>
      <DialogHead title="Export the request" onClose={close} />
      <div className="export-body">
        {loaded.state === 'loading' ? <p className="muted">Preparing the request…</p> : null}
        {loaded.state === 'failed' ? (
          <p className="field-error" role="alert">
            The request cannot be exported: {loaded.message}
          </p>
        ) : null}
        {loaded.state === 'ready' ? (
          <Tabs
            className="export-tabs"
            selectedKey={target}
            onSelectionChange={(key) => {
              const chosen = EXPORT_TARGETS.find((entry) => entry.target === key);
              if (chosen) setTarget(chosen.target);
            }}
          >
            <TabList className="export-tab-list" aria-label="Export format">
              {EXPORT_TARGETS.map(({ target: id, label }) => (
                <Tab key={id} id={id} className="export-tab">
                  {label}
                </Tab>
              ))}
            </TabList>
            {EXPORT_TARGETS.map(({ target: id }) => (
              <TabPanel key={id} id={id} className="export-panel">
                <ExportPreview
                  target={id}
                  source={loaded.source}
                  profile={exportProfileFor(profile, loaded.source)}
                  profileId={profileId}
                  withRealKey={keyChoice === 'real'}
                />
              </TabPanel>
            ))}
          </Tabs>
        ) : null}
        <RealKeyOptIn choice={keyChoice} onChange={setKeyChoice} canInclude={profileId !== null} />
      </div>
    </>
  );
}

interface ExportPreviewProps {
  target: ExportTarget;
  source: ExportSource;
  profile: ExportProfile;
  profileId: string | null;
  withRealKey: boolean;
}

/**
 * The export as text (the key always shown as its variable), its notes, and Copy. With the real key
 * chosen, Copy asks main for the key and builds the text only for the clipboard: the key is never
 * kept in state nor shown.
 */
function ExportPreview({ target, source, profile, profileId, withRealKey }: ExportPreviewProps) {
  const { status, copy, copyInMain } = useCopyStatus();
  const rendered = renderExport(target, source, profile);
  if (!rendered.ok) {
    return (
      <p className="field-error" role="alert">
        This format cannot express the request: {rendered.message}
      </p>
    );
  }
  const { text, notes, bodyFile } = rendered.result;
  // With the real key, main builds the text and writes the clipboard itself: the key never comes here.
  const copyText = () =>
    withRealKey && profileId
      ? copyInMain(() => api.invoke('keys.copy', { profileId, confirm: true, target, source }))
      : copy(() => Promise.resolve({ text }));

  return (
    <div className="export-preview-block">
      <pre
        className="export-preview mono"
        tabIndex={0}
        aria-label="Export preview"
        data-testid="export-preview"
      >
        {text}
      </pre>
      {notes.length > 0 ? (
        <ul className="export-notes" aria-label="Notes on this export">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <div className="button-row">
        <Button className="button button-primary" onPress={() => void copyText()}>
          {withRealKey ? 'Copy with my key' : 'Copy'}
        </Button>
        <span className={`copy-status${status?.tone === 'error' ? ' is-error' : ''}`} role="status">
          {status?.text}
        </span>
      </div>
      {bodyFile ? <BodyFile name={bodyFile.name} content={bodyFile.content} /> : null}
    </div>
  );
}

/** The file cmd's command posts (the exact body), with its own Copy. */
function BodyFile({ name, content }: { name: string; content: string }) {
  const { status, copy } = useCopyStatus();
  return (
    <section className="export-body-file" aria-label={`Content of ${name}`}>
      <h3 className="form-section-title">{name}</h3>
      <pre className="export-preview mono" tabIndex={0} aria-label={`${name} content`}>
        {content}
      </pre>
      <div className="button-row">
        <Button className="button" onPress={() => void copy(() => Promise.resolve({ text: content }))}>
          Copy {name}
        </Button>
        <span className={`copy-status${status?.tone === 'error' ? ' is-error' : ''}`} role="status">
          {status?.text}
        </span>
      </div>
    </section>
  );
}
