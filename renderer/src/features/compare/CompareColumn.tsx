import { memo, useCallback, useEffect } from 'react';
import type { CompletionParams } from '@shared/contracts/params';
import type { ExportSource } from '@shared/export/exportRequest';
import { api } from '../../lib/api';
import { CopyAsCurl } from '../export/CopyAsCurl';
import { sourceFromPreview } from '../export/exportText';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { growingStats } from '../heatmap/choiceFigures';
import { useRunCost } from '../cost/RunCost';
import { choiceTokenStore } from '../runs/runTokens';
import { RunViewSlots } from '../runs/components/RunViewSlots';
import { setSpanMarks } from '../heatmap/spanMarks';
import { getRun, useRunHeader, type RunHeaderState } from '../runs/store';
import { formatFallback } from '../runs/format';
import type { Mark } from './compareMarks';
import { compareActions, type ColumnWidth } from './compareStore';
import { parseOverrides } from './compareTargets';
import type { Divergence } from './columnAnalysis';
import { stopColumn } from './compareRuns';

export interface CompareColumnProps {
  id: string;
  /** `provider/model`, or "Gateway fallback run". */
  label: string;
  subtitle: string | null;
  runId: string | null;
  problem: string | null;
  width: ColumnWidth;
  marks: readonly Mark[];
  /** null for the gateway column (it sends the form as it is). */
  overridesText: string | null;
  warning: string | null;
  divergence: Divergence | null;
  referenceLabel: string | null;
  removable: boolean;
  /** The profile the column sends to. */
  profileId: string | null;
  /**
   * What the column would send now (a message when it cannot be built), read when it is needed: a
   * callback, so that typing in the form does not re-render every column.
   */
  paramsOf: (id: string) => CompletionParams | string | null;
}

/** Same props, marks compared by content (a new array each render of the view). */
function sameColumnProps(a: CompareColumnProps, b: CompareColumnProps): boolean {
  for (const key of Object.keys(a) as (keyof CompareColumnProps)[]) {
    if (key === 'marks') {
      if (a.marks.length !== b.marks.length || a.marks.some((mark, index) => mark !== b.marks[index]))
        return false;
    } else if (a[key] !== b[key]) return false;
  }
  return true;
}

/** Reports the figures the marks are made of once the run has finished. */
function FigureReporter({ id, header }: { id: string; header: RunHeaderState }) {
  const { cost } = useRunCost(header);
  const finished = header.status !== 'running';
  const totalMs = finished ? (header.summary?.timing.totalMs ?? null) : null;
  const costUsd = finished && header.status === 'completed' ? (cost?.totalUsd ?? null) : null;
  const source = choiceTokenStore(header.runId, 0);
  const meanLogprob = finished && source ? growingStats(source).meanLogprob : null;
  useEffect(() => {
    compareActions.figuresReported({
      id,
      totalMs: header.status === 'completed' ? totalMs : null,
      costUsd,
      meanLogprob,
    });
  }, [id, totalMs, costUsd, meanLogprob, header.status]);
  return null;
}

function GatewayOutcome({ header }: { header: RunHeaderState }) {
  const routing = header.summary?.routing ?? header.routing;
  if (!routing) return null;
  const served =
    routing.provider && routing.model ? `${routing.provider}/${routing.model}` : (routing.model ?? null);
  const fallback = formatFallback(routing);
  const index = routing.fallbackIndex;
  return (
    <p className="gateway-outcome" data-testid="gateway-outcome">
      {fallback && index !== undefined
        ? `Served by fallback ${index}`
        : fallback
          ? 'Served by a fallback'
          : 'Served by the primary'}
      {served ? (
        <>
          : <span className="mono">{served}</span>
        </>
      ) : null}
      {fallback ? <span className="muted"> ({fallback})</span> : null}
    </p>
  );
}

interface ColumnActionsProps {
  id: string;
  label: string;
  width: ColumnWidth;
  running: boolean;
  removable: boolean;
}

/**
 * Stop, Widen, Collapse, Remove. Memoised with plain props: the column re-renders when its marks or
 * divergence arrive (as the runs end), and react-aria's buttons are not cheap to re-render.
 */
const ColumnActions = memo(function ColumnActions({
  id,
  label,
  width,
  running,
  removable,
}: ColumnActionsProps) {
  const collapsed = width === 'collapsed';
  return (
    <div className="compare-column-actions">
      <Button
        className="button button-small"
        aria-label={`Stop ${label}`}
        isDisabled={!running}
        onPress={() => stopColumn(id)}
      >
        Stop
      </Button>
      <Button
        className="button button-small"
        aria-label={width === 'wide' ? `Narrow ${label}` : `Widen ${label}`}
        onPress={() => compareActions.widthChanged(id, width === 'wide' ? 'normal' : 'wide')}
      >
        {width === 'wide' ? 'Narrow' : 'Widen'}
      </Button>
      <Button
        className="button button-small"
        aria-label={collapsed ? `Expand ${label}` : `Collapse ${label}`}
        onPress={() => compareActions.widthChanged(id, collapsed ? 'normal' : 'collapsed')}
      >
        {collapsed ? 'Expand' : 'Collapse'}
      </Button>
      {removable ? (
        <Button
          className="button button-small"
          aria-label={`Remove ${label}`}
          isDisabled={running}
          onPress={() => compareActions.targetRemoved(id)}
        >
          Remove
        </Button>
      ) : null}
    </div>
  );
});

interface ColumnExportProps {
  id: string;
  runId: string | null;
  profileId: string | null;
  label: string;
  paramsOf: CompareColumnProps['paramsOf'];
}

/** The column's Copy as curl (memoised for the same reason as its actions). */
const ColumnExport = memo(function ColumnExport({
  id,
  runId,
  profileId,
  label,
  paramsOf,
}: ColumnExportProps) {
  const getSource = useCallback(
    () => columnSource(runId, profileId, paramsOf(id)),
    [runId, profileId, paramsOf, id],
  );
  return <CopyAsCurl getSource={getSource} profileId={profileId} label={`Export the request of ${label}`} />;
});

/** The column's parameter overrides, checked as they are typed. */
const OverridesField = memo(function OverridesField({ id, text }: { id: string; text: string }) {
  const overrides = parseOverrides(text);
  return (
    <TextField
      className="field compare-overrides"
      value={text}
      onChange={(next) => compareActions.overridesChanged(id, next)}
      isInvalid={!overrides.ok}
    >
      <Label>Overrides (JSON)</Label>
      <Input className="input mono" placeholder='{"temperature": 0}' />
      {!overrides.ok ? <span className="field-error">{overrides.message}</span> : null}
    </TextField>
  );
});

/** The column's request as sent (its run's), or as it would be sent now (main builds the preview). */
async function columnSource(
  runId: string | null,
  profileId: string | null,
  params: CompletionParams | string | null,
): Promise<ExportSource> {
  const sent = runId ? getRun(runId)?.request : null;
  if (sent) return sourceFromPreview(sent);
  if (!profileId || params === null) throw new Error('fix the form first');
  if (typeof params === 'string') throw new Error(params);
  return sourceFromPreview(await api.invoke('requests.preview', { profileId, params }));
}

/**
 * One target's column. Memoised: the view re-renders when any run starts or ends or the form changes,
 * a column only when its own props do (its run streams through its own subscriptions).
 */
export const CompareColumn = memo(function CompareColumn(props: CompareColumnProps) {
  const {
    id,
    label,
    subtitle,
    runId,
    problem,
    width,
    marks,
    overridesText,
    warning,
    divergence,
    referenceLabel,
    removable,
    profileId,
    paramsOf,
  } = props;
  const header = useRunHeader(runId ?? '');
  const running = header?.status === 'running';
  // The divergence point and the differing tokens are classes the heatmap writes into its spans.
  useEffect(() => {
    if (!runId || !divergence) return;
    const marks = new Map<number, string>(divergence.differing.map((span) => [span, 'differs']));
    if (divergence.span !== null)
      marks.set(divergence.span, `${marks.get(divergence.span) ?? ''} diverges`.trim());
    setSpanMarks(runId, 0, marks);
    return () => setSpanMarks(runId, 0, null);
  }, [runId, divergence]);
  const collapsed = width === 'collapsed';
  return (
    <section
      className={`compare-column is-${width}`}
      data-testid="compare-column"
      data-compare-id={id}
      aria-label={label}
    >
      <header className="compare-column-head">
        <div className="compare-column-titles">
          <h3 className="compare-column-title mono" title={label}>
            {label}
          </h3>
          {subtitle && !collapsed ? <span className="muted">{subtitle}</span> : null}
        </div>
        <ColumnActions id={id} label={label} width={width} running={running} removable={removable} />
      </header>
      {collapsed ? null : (
        <>
          {marks.length > 0 ? (
            <div className="compare-marks" data-testid="compare-marks">
              {marks.map((mark) => (
                <span key={mark} className="badge tone-ok">
                  {mark}
                </span>
              ))}
            </div>
          ) : null}
          <ColumnExport id={id} runId={runId} profileId={profileId} label={label} paramsOf={paramsOf} />
          {overridesText !== null ? <OverridesField id={id} text={overridesText} /> : null}
          {warning ? (
            <p className="compare-warning" role="note">
              {warning}
            </p>
          ) : null}
          {problem ? (
            <p className="field-error" role="alert">
              Not run: {problem}
            </p>
          ) : null}
          {divergence && referenceLabel ? (
            <p
              className="compare-divergence"
              data-testid="divergence"
              data-offset={divergence.offset ?? ''}
              data-span={divergence.span ?? ''}
            >
              {divergence.offset === null
                ? `Same text as ${referenceLabel}.`
                : `Diverges from ${referenceLabel} at character ${divergence.offset}${divergence.span !== null ? ` (token ${divergence.span})` : ''}: ${divergence.excerpt ? `“${divergence.excerpt}”` : 'this output ends there'}`}
              {divergence.differing.length > 0
                ? ` · ${divergence.differing.length} aligned tokens differ`
                : ''}
            </p>
          ) : null}
          {header && id === 'gateway' ? <GatewayOutcome header={header} /> : null}
          {header ? <FigureReporter id={id} header={header} /> : null}
          <div className="compare-column-body" data-compare-scroller="">
            <RunViewSlots
              runId={runId && header ? runId : null}
              empty={<p className="muted">Not run yet.</p>}
            />
          </div>
        </>
      )}
    </section>
  );
}, sameColumnProps);
