import { useLayoutEffect, useRef, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { formatProbability, inspectToken } from '@shared/logprobs/inspector';
import { choiceSpans, choiceTokenStore } from '../runs/runTokens';

interface TokenInspectorProps {
  runId: string;
  choice: number;
  span: number;
  pinned: boolean;
  /** The positioned element the popover is placed in (it may overflow it). */
  frame: HTMLElement;
  /** The element that scrolls the text: the popover follows its token when it scrolls. */
  scroller: HTMLElement | null;
  /** The heatmap, holding the token spans. */
  anchor: HTMLElement;
  onClose(): void;
  onContinue(alternative: string): void;
}

const logprobText = (logprob: number | null): string => (logprob === null ? 'none' : logprob.toFixed(4));

/** Places the popover below its token, in the frame; follows the token when the text scrolls. */
function usePlacement(
  frame: HTMLElement,
  scroller: HTMLElement | null,
  heatmap: HTMLElement,
  span: number,
): RefObject<HTMLDivElement | null> {
  const popoverRef = useRef<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    const place = (): void => {
      const popover = popoverRef.current;
      const element = heatmap.querySelector(`[data-s="${span}"]`);
      if (!popover || !element) return;
      const frameBox = frame.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      const maxLeft = Math.max(0, frame.clientWidth - popover.offsetWidth - 4);
      popover.style.top = `${box.bottom - frameBox.top + 4}px`;
      popover.style.left = `${Math.min(maxLeft, Math.max(0, box.left - frameBox.left))}px`;
    };
    place();
    scroller?.addEventListener('scroll', place, { passive: true });
    return () => scroller?.removeEventListener('scroll', place);
  }, [frame, scroller, heatmap, span]);
  return popoverRef;
}

/** The one token inspector: the chosen token, its alternatives and "Continue with" actions. */
export function TokenInspector(props: TokenInspectorProps) {
  const { runId, choice, span, pinned, frame, scroller, anchor, onClose, onContinue } = props;
  const popoverRef = usePlacement(frame, scroller, anchor, span);
  const source = choiceTokenStore(runId, choice);
  const spans = choiceSpans(runId, choice, false);
  if (!source || !spans || span >= spans.length) return null;
  const first = spans.firstTokenAt(span);
  const info = inspectToken(source, first);
  const merged = spans.tokenCountAt(span);
  const body = (
    <div
      className={pinned ? 'token-inspector is-pinned' : 'token-inspector'}
      role={pinned ? 'dialog' : 'tooltip'}
      aria-label="Token inspector"
      data-testid="token-inspector"
      ref={popoverRef}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <div className="inspector-head">
        <code className="inspector-token" data-testid="inspector-token">
          {info.display}
        </code>
        {merged > 1 ? <span className="muted"> (first of {merged} tokens of one character)</span> : null}
        {pinned ? (
          <button type="button" className="link-button inspector-close" onClick={onClose}>
            Close
          </button>
        ) : null}
      </div>
      <dl className="inspector-facts">
        <dt>Probability</dt>
        <dd>
          {info.probability === null
            ? 'no logprob (first prompt token)'
            : formatProbability(info.probability)}
        </dd>
        <dt>Logprob</dt>
        <dd data-testid="inspector-logprob">{logprobText(info.logprob)}</dd>
        {info.surprisalBits !== null ? (
          <>
            <dt>Surprisal</dt>
            <dd>{info.surprisalBits.toFixed(2)} bits</dd>
          </>
        ) : null}
        {info.entropyBits !== null ? (
          <>
            <dt>Entropy</dt>
            <dd>{info.entropyBits.toFixed(2)} bits</dd>
          </>
        ) : null}
        <dt>Rank</dt>
        <dd>{info.rank === null ? (info.alternatives ? 'not in the list' : '—') : `#${info.rank + 1}`}</dd>
      </dl>
      {info.alternatives ? (
        <>
          <p className="inspector-coverage" data-testid="inspector-coverage">
            {info.coverageText}
          </p>
          <ol className="inspector-alternatives" aria-label="Top alternatives">
            {info.alternatives.map((alternative, rank) => (
              <li
                key={rank}
                data-testid="alternative"
                data-token={alternative.token}
                data-logprob={alternative.logprob}
                className={alternative.isChosen ? 'is-chosen' : undefined}
              >
                <code className="alt-token">{alternative.display}</code>
                <span className="alt-probability">{formatProbability(alternative.probability)}</span>
                <span className="alt-logprob muted">{alternative.logprob.toFixed(4)}</span>
                <button
                  type="button"
                  className="link-button"
                  tabIndex={pinned ? 0 : -1}
                  onClick={() => onContinue(alternative.token)}
                >
                  Continue with {alternative.display}
                </button>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">No alternatives were returned for this token.</p>
      )}
    </div>
  );
  return createPortal(body, frame);
}
