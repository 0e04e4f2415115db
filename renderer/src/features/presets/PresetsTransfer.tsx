import type { Preset } from '@shared/contracts/presets';
import { JsonFileTransfer } from '../../ui/JsonFileTransfer';
import { downloadJsonFile } from '../history/downloadFile';
import { exportFileName, importSummary } from '../history/historyFormat';
import { presetsExportJson } from './presetParams';
import { useImportPresets } from './queries';

/** Export… (every preset to a .json file) and Import… (such a file). */
export function PresetsTransfer({ presets }: { presets: readonly Preset[] }) {
  const importer = useImportPresets();
  return (
    <JsonFileTransfer
      className="presets-transfer"
      name="presets"
      exportLabel="Export presets…"
      importLabel="Import presets…"
      fileLabel="Presets file to import"
      exportDisabled={presets.length === 0}
      onExport={() => {
        downloadJsonFile(presetsExportJson(presets), exportFileName('completions-presets', new Date()));
        return `Exported ${presets.length} preset${presets.length === 1 ? '' : 's'}.`;
      }}
      onImport={async (text) => {
        const result = await importer.mutateAsync(text);
        return { ...result, text: importSummary(result.imported, result.skipped, 'preset') };
      }}
    />
  );
}
