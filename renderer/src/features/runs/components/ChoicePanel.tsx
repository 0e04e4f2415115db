import { memo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useStickToBottom } from '../../../ui/useStickToBottom';
import { fullText } from '../chunkText';
import { useChoice, useChoiceChunks, useChoiceTail, useRunField } from '../store';

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

function CopyButton({ runId, index }: { runId: string; index: number }) {
  const choice = useChoice(runId, index);
  const [copied, setCopied] = useState(false);
  return (
    <Button
      className="link-button"
      isDisabled={!choice}
      onPress={() => {
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

export function ChoicePanel({ runId, index, testId }: { runId: string; index: number; testId: string }) {
  const finishReason = useChoice(runId, index)?.finishReason ?? null;
  const { containerRef, contentRef } = useStickToBottom<HTMLDivElement, HTMLDivElement>();
  const running = useRunField(runId, (run) => run.status === 'running') ?? false;
  const promptLabel = useRunField(runId, (run) => {
    if (!Array.isArray(run.params.prompt) || run.params.prompt.length < 2) return null;
    return `prompt ${Math.floor(index / (run.params.n ?? 1)) + 1}`;
  });
  return (
    <article className="choice" data-testid={testId} aria-label={`Choice ${index}`}>
      <header className="choice-head">
        <span className="choice-title">
          Choice {index}
          {promptLabel ? <span className="muted"> · {promptLabel}</span> : null}
        </span>
        <span className="choice-finish">
          <span className="muted">finish_reason</span>{' '}
          <code className="finish-reason" data-testid={`${testId}-finish`}>
            {finishReason ?? (running ? '…' : 'none')}
          </code>
        </span>
        <CopyButton runId={runId} index={index} />
      </header>
      <div
        className="choice-scroll"
        ref={containerRef}
        tabIndex={0}
        role="region"
        aria-label={`Text of choice ${index}`}
      >
        <div className="choice-text" data-testid={`${testId}-text`} ref={contentRef}>
          <ClosedChunks runId={runId} index={index} />
          <Tail runId={runId} index={index} streaming={running} />
        </div>
      </div>
    </article>
  );
}
