import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { errorMessage } from '../lib/routeError';

export type TransferOutcome = { tone: 'ok' | 'error'; text: string; problems?: readonly string[] } | null;

/** What an import reports back: how many came in, were skipped, and what was wrong. */
export interface ImportResult {
  imported: number;
  problems: readonly string[];
  text: string;
}

export interface JsonFileTransferProps {
  className: string;
  /** For test ids: `${name}-import-file`, `${name}-transfer-status`. */
  name: string;
  exportLabel: string;
  importLabel: string;
  fileLabel: string;
  exportDisabled?: boolean;
  /** Writes the file (download); returns what to say. */
  onExport(): Promise<string> | string;
  /** Reads a chosen file's text into the app. */
  onImport(text: string): Promise<ImportResult>;
}

/** Export… and Import… of a JSON file, with one status line (and the import's problems) below. */
export function JsonFileTransfer(props: JsonFileTransferProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<TransferOutcome>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<TransferOutcome>, failure: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await work());
    } catch (error) {
      setOutcome({ tone: 'error', text: `${failure}: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };
  const exportFile = () => run(async () => ({ tone: 'ok', text: await props.onExport() }), 'Export failed');
  const importFile = (file: File) =>
    run(async () => {
      const result = await props.onImport(await file.text());
      const tone = result.imported === 0 && result.problems.length > 0 ? 'error' : 'ok';
      return { tone, text: result.text, problems: result.problems };
    }, 'Import failed');

  return (
    <div className={props.className}>
      <div className="button-row">
        <Button
          className="button"
          aria-label={props.exportLabel}
          isDisabled={busy || props.exportDisabled === true}
          onPress={() => void exportFile()}
        >
          Export…
        </Button>
        <Button
          className="button"
          aria-label={props.importLabel}
          isDisabled={busy}
          onPress={() => fileRef.current?.click()}
        >
          Import…
        </Button>
        <input
          ref={fileRef}
          className="visually-hidden"
          type="file"
          accept="application/json,.json"
          aria-label={props.fileLabel}
          tabIndex={-1}
          data-testid={`${props.name}-import-file`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <div
        className={`form-message${outcome?.tone === 'error' ? ' is-error' : ''}`}
        role="status"
        data-testid={`${props.name}-transfer-status`}
      >
        {outcome?.text}
        {outcome?.problems && outcome.problems.length > 0 ? (
          <ul className="history-problems">
            {outcome.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
