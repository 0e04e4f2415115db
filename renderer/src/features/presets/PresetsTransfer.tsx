import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Preset } from '@shared/contracts/presets';
import { errorMessage } from '../../lib/routeError';
import { downloadJsonFile } from '../history/downloadFile';
import { exportFileName, importSummary } from '../history/historyFormat';
import { presetsExportJson } from './presetParams';
import { useImportPresets } from './queries';

type Outcome = { tone: 'ok' | 'error'; text: string; problems?: readonly string[] } | null;

/** Export… (every preset to a .json file) and Import… (such a file). */
export function PresetsTransfer({ presets }: { presets: readonly Preset[] }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const importer = useImportPresets();
  const [outcome, setOutcome] = useState<Outcome>(null);

  const importFile = async (file: File) => {
    setOutcome(null);
    try {
      const result = await importer.mutateAsync(await file.text());
      setOutcome({
        tone: result.imported === 0 && result.problems.length > 0 ? 'error' : 'ok',
        text: importSummary(result.imported, result.skipped, 'preset'),
        problems: result.problems,
      });
    } catch (error) {
      setOutcome({ tone: 'error', text: `Import failed: ${errorMessage(error)}` });
    }
  };

  return (
    <div className="presets-transfer">
      <div className="button-row">
        <Button
          className="button"
          aria-label="Export presets…"
          isDisabled={presets.length === 0}
          onPress={() => {
            downloadJsonFile(presetsExportJson(presets), exportFileName('completions-presets', new Date()));
            setOutcome({
              tone: 'ok',
              text: `Exported ${presets.length} preset${presets.length === 1 ? '' : 's'}.`,
            });
          }}
        >
          Export…
        </Button>
        <Button
          className="button"
          aria-label="Import presets…"
          isDisabled={importer.isPending}
          onPress={() => fileRef.current?.click()}
        >
          Import…
        </Button>
        <input
          ref={fileRef}
          className="visually-hidden"
          type="file"
          accept="application/json,.json"
          aria-label="Presets file to import"
          tabIndex={-1}
          data-testid="presets-import-file"
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
        data-testid="presets-transfer-status"
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
