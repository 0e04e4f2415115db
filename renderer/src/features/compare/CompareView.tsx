import { useCallback, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ProfileView } from '@shared/contracts/profiles';
import { getValidation, paramsActions, useParamsField, selectValidation } from '../params/store';
import { profilesQuery } from '../profiles/queries';
import { useSelectedProfile } from '../profiles/useSelectedProfile';
import { useRunStatuses } from '../runs/store';
import { columnOutput, divergenceFrom, type Divergence } from './columnAnalysis';
import { CompareColumn } from './CompareColumn';
import { columnMarks } from './compareMarks';
import { columnParamsNow, runAllColumns, stopAllColumns } from './compareRuns';
import { compareActions, GATEWAY_COLUMN, useCompare } from './compareStore';
import { initialTargets } from './compareTargets';
import { CompareToolbar } from './CompareToolbar';
import { DiffPanel, type DiffColumn } from './DiffPanel';
import { SeedCheckPanel } from './SeedCheckPanel';
import { tokenizerWarning } from './tokenizerWarning';
import { useSyncScroll } from './useSyncScroll';
import { useNextFrameValue } from '../../ui/useNextFrameValue';

interface ColumnSpec {
  id: string;
  profileId: string | null;
  label: string;
  subtitle: string | null;
  runId: string | null;
  overridesText: string | null;
  removable: boolean;
}

const noProfiles: readonly ProfileView[] = [];

/** One prompt and parameter set against several targets, a column each, and where they differ. */
export function CompareView() {
  const profile = useSelectedProfile();
  const profiles = useQuery(profilesQuery()).data ?? noProfiles;
  const base = useParamsField((form) => selectValidation(form).params);
  const targets = useCompare((state) => state.targets);
  const columnRuns = useCompare((state) => state.columnRuns);
  const problems = useCompare((state) => state.columnProblems);
  const widths = useCompare((state) => state.widths);
  const figures = useCompare((state) => state.figures);
  const referenceId = useCompare((state) => state.referenceId);
  const syncScroll = useCompare((state) => state.syncScroll);
  const seedCheck = useCompare((state) => state.seedCheck);
  const columnsRef = useRef<HTMLDivElement | null>(null);
  useSyncScroll(columnsRef, syncScroll);

  const profileName = (id: string) => profiles.find((candidate) => candidate.id === id)?.name ?? id;
  const columns: ColumnSpec[] = targets.map((target) => ({
    id: target.id,
    profileId: target.profileId,
    label: target.model,
    subtitle: target.profileId !== profile?.id ? profileName(target.profileId) : null,
    runId: columnRuns[target.id] ?? null,
    overridesText: target.overridesText,
    removable: true,
  }));
  const gatewayRunId = columnRuns[GATEWAY_COLUMN] ?? null;
  if (gatewayRunId)
    columns.push({
      id: GATEWAY_COLUMN,
      profileId: profile?.id ?? null,
      label: 'Gateway fallback run',
      subtitle: base?.fallbacks?.length ? `${base.model} → ${base.fallbacks.join(' → ')}` : null,
      runId: gatewayRunId,
      overridesText: null,
      removable: false,
    });

  const runIds = columns.map((column) => column.runId ?? '');
  const statuses = useRunStatuses(runIds);
  const seedStatuses = useRunStatuses(seedCheck?.runIds ?? []);
  const anyRunning = [...statuses, ...seedStatuses].some((status) => status === 'running');
  const finishedKey = statuses.map((status) => status ?? '-').join(',');

  const reference = columns.find((column) => column.id === referenceId) ?? columns[0];
  // Analysed a frame after every column has finished (that frame already holds the last column's
  // end); while any runs, each start and end would recompute (and re-render) every column for a
  // comparison that is about to change again.
  const analysedKey = useNextFrameValue(anyRunning ? null : finishedKey);
  const divergences = useMemo(() => {
    const result = new Map<string, Divergence>();
    if (anyRunning || analysedKey === null) return result;
    const referenceOutput = reference?.runId ? columnOutput(reference.runId) : null;
    if (!reference || !referenceOutput) return result;
    for (const column of columns) {
      if (column === reference || !column.runId) continue;
      const output = columnOutput(column.runId);
      if (output) result.set(column.id, divergenceFrom(output, referenceOutput));
    }
    return result;
    // Recomputed when a column's run changes state (finishes), not on every streamed frame.
  }, [anyRunning, analysedKey, reference?.id, reference?.runId]); // eslint-disable-line react-hooks/exhaustive-deps
  const marks = columnMarks(Object.values(figures));
  const primaryModel = targets[0]?.model ?? base?.model ?? '';
  const diffColumns: DiffColumn[] = columns.flatMap((column, index) =>
    column.runId ? [{ id: column.id, label: `${index + 1}. ${column.label}`, runId: column.runId }] : [],
  );

  // Stable, so the (memoised) toolbar does not re-render as each column starts and ends.
  const profileId = profile?.id ?? null;
  const runAll = useCallback(() => {
    paramsActions.runAttempted();
    const params = getValidation().params;
    if (!params || !profileId) return;
    void runAllColumns(params, profileId);
  }, [profileId]);
  const reset = useCallback(() => {
    const params = getValidation().params;
    if (params && profileId) compareActions.targetsReset(initialTargets(params, profileId));
  }, [profileId]);

  return (
    <section className="compare-view" aria-label="Compare">
      <CompareToolbar
        profiles={profiles}
        formProfileId={profile?.id ?? null}
        hasFallbacks={(base?.fallbacks?.length ?? 0) > 0}
        anyRunning={anyRunning}
        canRun={base !== null && profile !== null && targets.length > 0}
        onRunAll={runAll}
        onStopAll={stopAllColumns}
        onReset={reset}
      />
      {base === null ? <p className="field-error">Fix the form before running the comparison.</p> : null}
      <div className="compare-reference">
        <label className="diff-picker">
          <span>Compare with</span>
          <select
            className="input"
            value={reference?.id ?? ''}
            onChange={(event) => compareActions.referenceChosen(event.target.value)}
          >
            {columns.map((column, index) => (
              <option key={column.id} value={column.id}>
                {index + 1}. {column.label}
              </option>
            ))}
          </select>
        </label>
        <SeedCheckPanel base={base} disabled={anyRunning} />
      </div>
      <div className="compare-columns" ref={columnsRef}>
        {columns.map((column) => (
          <CompareColumn
            key={column.id}
            id={column.id}
            label={column.label}
            subtitle={column.subtitle}
            runId={column.runId}
            problem={problems[column.id] ?? null}
            width={widths[column.id] ?? 'normal'}
            marks={marks.get(column.id) ?? []}
            overridesText={column.overridesText}
            warning={base ? tokenizerWarning(base, primaryModel, column.label) : null}
            divergence={divergences.get(column.id) ?? null}
            referenceLabel={column === reference ? null : (reference?.label ?? null)}
            removable={column.removable}
            profileId={column.profileId}
            paramsOf={columnParamsNow}
          />
        ))}
        {columns.length === 0 ? <p className="muted">Add a target to compare.</p> : null}
      </div>
      <DiffPanel columns={diffColumns} version={finishedKey} />
    </section>
  );
}
