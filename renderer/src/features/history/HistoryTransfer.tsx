import { api } from '../../lib/api';
import { JsonFileTransfer } from '../../ui/JsonFileTransfer';
import { downloadJsonFile } from './downloadFile';
import { exportFileName, importSummary } from './historyFormat';
import { useImportHistory } from './queries';

/** Export… (every saved run to a .json file) and Import… (such a file back into the history). */
export function HistoryTransfer() {
  const importer = useImportHistory();
  return (
    <JsonFileTransfer
      className="history-transfer"
      name="history"
      exportLabel="Export…"
      importLabel="Import…"
      fileLabel="History file to import"
      onExport={async () => {
        const { json } = await api.invoke('history.export', {});
        downloadJsonFile(json, exportFileName('completions-history', new Date()));
        return 'Exported the history.';
      }}
      onImport={async (text) => {
        const result = await importer.mutateAsync(text);
        return { ...result, text: importSummary(result.imported, result.skipped, 'run') };
      }}
    />
  );
}
