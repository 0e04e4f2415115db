import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/routeError';
import { downloadJsonFile } from './downloadFile';
import { exportFileName, importSummary } from './historyFormat';
import { useImportHistory } from './queries';

type Outcome = { tone: 'ok' | 'error'; text: string; problems?: readonly string[] } | null;

/** Export… (every saved run to a .json file) and Import… (such a file back into the history). */
export function HistoryTransfer() {
  const fileRef = useRef<HTMLInputElement>(null);
  const importer = useImportHistory();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [exporting, setExporting] = useState(false);

  const exportAll = async () => {
    setExporting(true);
    try {
      const { json } = await api.invoke('history.export', {});
      downloadJsonFile(json, exportFileName('completions-history', new Date()));
      setOutcome({ tone: 'ok', text: 'Exported the history.' });
    } catch (error) {
      setOutcome({ tone: 'error', text: `Export failed: ${errorMessage(error)}` });
    } finally {
      setExporting(false);
    }
  };

  const importFile = async (file: File) => {
    setOutcome(null);
    try {
      const result = await importer.mutateAsync(await file.text());
      setOutcome({
        tone: result.problems.length > 0 && result.imported === 0 ? 'error' : 'ok',
        text: importSummary(result.imported, result.skipped, 'run'),
        problems: result.problems,
      });
    } catch (error) {
      setOutcome({ tone: 'error', text: `Import failed: ${errorMessage(error)}` });
    }
  };

  return (
    <div className="history-transfer">
      <div className="button-row">
        <Button className="button" isDisabled={exporting} onPress={() => void exportAll()}>
          Export…
        </Button>
        <Button className="button" isDisabled={importer.isPending} onPress={() => fileRef.current?.click()}>
          Import…
        </Button>
        <input
          ref={fileRef}
          className="visually-hidden"
          type="file"
          accept="application/json,.json"
          aria-label="History file to import"
          tabIndex={-1}
          data-testid="history-import-file"
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
        data-testid="history-transfer-status"
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
