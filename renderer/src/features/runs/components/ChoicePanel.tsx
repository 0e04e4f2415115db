import { memo, useState } from 'react';
import type { CompletionParams } from '@shared/contracts/params';
import { Button } from 'react-aria-components';
import { useStickToBottom } from '../../../ui/useStickToBottom';
import { fullText } from '../chunkText';
import { missingLogprobsNotice } from '@shared/logprobs/inspector';
import { ChoiceCost } from '../../cost/ChoiceCost';
import { ChoiceRankBadge, ChoiceStats } from '../../heatmap/ChoiceStats';
import { continuationParams, textBeforeSpan } from '../../heatmap/continuePrompt';
import { useHeatmapMode } from '../../heatmap/heatmapStore';
import { ProbabilityChart } from '../../heatmap/ProbabilityChart';
import { scaleFor } from '../../heatmap/spanView';
import { TokenHeatmap } from '../../heatmap/TokenHeatmap';
import { choiceSpans, choiceTokenStore } from '../runTokens';
import { getRun, useChoiceChunks, useChoiceTail, useRunField } from '../store';
import { continueRun } from '../useRunCommands';

/** A closed chunk never changes: rendered once, skipped by React afterwards. */
const ClosedChunk = memo(function ClosedChunk({ text }: { text: string }) {
  return <div className="chunk">{text}</div>;
});

/** Re-renders only when a chunk closes. */
const ClosedChunks = memo(function ClosedChunks({ runId, index }: { runId: string; index: number }) {
  const chunks = useChoiceChunks(runId, index);
  return chunks.map((chunk, position) => <ClosedChunk key={position} text={chunk} />);
});

/** The open end of the text: the only part that re-renders while streaming. */
function Tail({ runId, index, streaming }: { runId: string; index: number; streaming: boolean }) {
  const tail = useChoiceTail(runId, index);
  return <div className={streaming ? 'chunk chunk-tail is-streaming' : 'chunk chunk-tail'}>{tail}</div>;
}

/** Reads the choice when pressed: subscribing to it would re-render the button every streamed frame. */
function CopyButton({ runId, index }: { runId: string; index: number }) {
  const exists = useRunField(runId, (run) => run.choices.some((choice) => choice.index === index)) === true;
  const [copied, setCopied] = useState(false);
  return (
    <Button
      className="link-button"
      isDisabled={!exists}
      onPress={() => {
        const choice = getRun(runId)?.choices.find((candidate) => candidate.index === index);
        if (!choice) return;
        navigator.clipboard.writeText(fullText(choice)).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          },
          () => undefined,
        );
      }}
    >
      {copied ? 'Copied' : `Copy choice ${index}`}
    </Button>
  );
}

interface ChoiceHeadProps {
  runId: string;
  index: number;
  testId: string;
  choices: readonly number[];
  /** The run's params while the rank badge shows (finished, with a heatmap, several choices); else null. */
  params: CompletionParams | null;
  running: boolean;
}

/**
 * The choice's title bar. Memoised: its props do not change while the run streams (what grows
 * every frame, the cost, subscribes on its own), so the panel's per-frame render skips it.
 */
const ChoiceHead = memo(function ChoiceHead({
  runId,
  index,
  testId,
  choices,
  params,
  running,
}: ChoiceHeadProps) {
  const finishReason = useRunField(
    runId,
    (run) => run.choices.find((choice) => choice.index === index)?.finishReason ?? null,
  );
  const promptLabel = useRunField(runId, (run) => {
    if (!Array.isArray(run.params.prompt) || run.params.prompt.length < 2) return null;
    return `prompt ${Math.floor(index / (run.params.n ?? 1)) + 1}`;
  });
  return (
    <header className="choice-head">
      <span className="choice-title">
        Choice {index}
        {promptLabel ? <span className="muted"> · {promptLabel}</span> : null}
      </span>
      {params ? (
        <ChoiceRankBadge
          runId={runId}
          choice={index}
          choices={choices}
          params={params}
          testId={`${testId}-rank`}
        />
      ) : null}
      <span className="choice-finish">
        <span className="muted">finish_reason</span>{' '}
        <code className="finish-reason" data-testid={`${testId}-finish`}>
          {finishReason ?? (running ? '…' : 'none')}
        </code>
      </span>
      <ChoiceCost runId={runId} choiceIndex={index} testId={`${testId}-cost`} />
      <CopyButton runId={runId} index={index} />
    </header>
  );
});

/** The plain text: closed chunks and the streaming tail. */
function PlainText({ runId, index, running }: { runId: string; index: number; running: boolean }) {
  return (
    <>
      <ClosedChunks runId={runId} index={index} />
      <Tail runId={runId} index={index} streaming={running} />
    </>
  );
}

interface ChoicePanelProps {
  runId: string;
  index: number;
  testId: string;
  testIdPrefix?: string;
  /** Every choice index of the run (for the rank badge). */
  choices?: readonly number[];
}

const noChoices: readonly number[] = [];

export function ChoicePanel({
  runId,
  index,
  testId,
  testIdPrefix = '',
  choices = noChoices,
}: ChoicePanelProps) {
  const status = useRunField(runId, (run) => run.status);
  const running = status === 'running';
  const params = useRunField(runId, (run) => run.params);
  // A streamed response follows its end as it grows; one that arrives whole opens at its start (and
  // its heatmap fills below the first screen without moving it, which for 100,000 tokens kept the
  // view chasing the fill for a second or two).
  const { containerRef, contentRef } = useStickToBottom<HTMLDivElement, HTMLDivElement>(
    params?.stream === true,
  );
  const version = useRunField(runId, (run) => run.tokenCount) ?? 0;
  const mode = useHeatmapMode();
  const [selectRequest, setSelectRequest] = useState<{ span: number; nonce: number } | null>(null);
  const asked = params?.logprobs !== undefined;
  const choiceTokens = version > 0 ? (choiceTokenStore(runId, index)?.length ?? 0) : 0;
  const heatmap = asked && params !== undefined && choiceTokens > 0;
  const notice =
    asked && status === 'completed' && choiceTokens === 0 ? missingLogprobsNotice(params.logprobs, 0) : null;

  const onContinue = (span: number, alternative: string): void => {
    const run = getRun(runId);
    const spans = choiceSpans(runId, index, !running);
    if (!run || !spans) return;
    const next = continuationParams(run.params, index, textBeforeSpan(spans, span), alternative);
    continueRun(run.profileId, next);
  };

  return (
    <article className="choice" data-testid={testId} aria-label={`Choice ${index}`} data-heatmap-frame="">
      <ChoiceHead
        runId={runId}
        index={index}
        testId={testId}
        choices={choices}
        params={heatmap && params && !running && choices.length > 1 ? params : null}
        running={running}
      />
      {heatmap ? (
        <ChoiceStats
          runId={runId}
          choice={index}
          params={params}
          version={version}
          testId={`${testId}-stats`}
          promptPerplexityTestId={
            index === 0 ? `${testIdPrefix}prompt-perplexity` : `${testId}-prompt-perplexity`
          }
        />
      ) : null}
      {notice ? (
        <p className="logprobs-notice" role="note" data-testid={`${testId}-logprobs-notice`}>
          {notice}
        </p>
      ) : null}
      <div
        className={heatmap ? 'choice-scroll has-heatmap' : 'choice-scroll'}
        ref={containerRef}
        tabIndex={heatmap ? undefined : 0}
        data-heatmap-scroller=""
        role="region"
        aria-label={`Text of choice ${index}`}
      >
        <div className="choice-text" data-testid={`${testId}-text`} ref={contentRef}>
          {heatmap ? (
            <TokenHeatmap
              runId={runId}
              choice={index}
              version={version}
              finished={!running}
              mode={mode}
              k={scaleFor(params).k}
              idPrefix={testId}
              onContinue={onContinue}
              selectRequest={selectRequest}
            />
          ) : (
            <PlainText runId={runId} index={index} running={running} />
          )}
        </div>
      </div>
      {heatmap ? (
        <ProbabilityChart
          runId={runId}
          choice={index}
          version={version}
          finished={!running}
          testId={`${testId}-chart`}
          onSelect={(span) => setSelectRequest({ span, nonce: Date.now() })}
        />
      ) : null}
    </article>
  );
}
