import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import { FormCopyAsCurl } from '../../export/FormCopyAsCurl';
import { unplacedIssues } from '../../params/formValidation';
import { useIssueCount, useValidationIssues } from '../../params/store';
import { useIsRunActive } from '../store';
import { useRunCommands } from '../useRunCommands';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function anOverlayIsOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="listbox"]') !== null;
}

/** Run / Stop, their shortcuts (Ctrl/Cmd+Enter, Esc) and what stands in the way of running. */
export function RunBar() {
  const { run, score, stop, problem, canRun } = useRunCommands();
  const active = useIsRunActive();
  const issueCount = useIssueCount();
  const otherIssues = unplacedIssues(useValidationIssues());
  const runRef = useRef<HTMLButtonElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const wasActive = useRef(active);

  // Run and Stop take turns being disabled; hand keyboard focus over instead of dropping it.
  useEffect(() => {
    if (wasActive.current === active) return;
    wasActive.current = active;
    const focused = document.activeElement;
    const lost = focused === null || focused === document.body;
    if (active && (lost || focused === runRef.current)) stopRef.current?.focus();
    if (!active && (lost || focused === stopRef.current)) runRef.current?.focus();
  }, [active]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        if (document.querySelector('[role="dialog"]')) return;
        event.preventDefault();
        run();
      } else if (event.key === 'Escape' && !anOverlayIsOpen()) {
        stop();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run, stop]);

  return (
    <div className="run-bar">
      <Button
        ref={runRef}
        className="button button-primary run-button"
        onPress={run}
        isDisabled={active || !canRun}
      >
        Run
      </Button>
      <Button className="button score-button" onPress={score} isDisabled={active || !canRun}>
        Score prompt
      </Button>
      <Button ref={stopRef} className="button stop-button" onPress={stop} isDisabled={!active}>
        Stop
      </Button>
      <FormCopyAsCurl />
      <span className="shortcut-hint" aria-hidden="true">
        <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd>+<kbd>Enter</kbd> runs · <kbd>Esc</kbd> stops
      </span>
      <div className="run-bar-status" role="status" data-testid="run-bar-status">
        {problem ? <span className="field-error">{problem}</span> : null}
        {!problem && issueCount > 0 ? (
          <span className="field-error">
            {issueCount === 1 ? '1 problem in the form' : `${issueCount} problems in the form`}
          </span>
        ) : null}
        {otherIssues.map((issue) => (
          <span key={`${issue.field}:${issue.message}`} className="field-error">
            {issue.field ? `${issue.field}: ` : ''}
            {issue.message}
          </span>
        ))}
      </div>
    </div>
  );
}
