import type { ReactNode } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import type { RequestPreview } from '@shared/contracts/runs';
import {
  formatCount,
  formatDuration,
  formatFallback,
  formatServedBy,
  formatTokensPerSecond,
  formatUsage,
} from '../format';
import { RunCostFact } from '../../cost/RunCost';
import { ChunkTimingDisclosure, ChunkTimingStats } from '../../timing/ChunkTiming';
import { useRunField, type RunHeaderState } from '../store';
import { ElapsedTime } from './ElapsedTime';

function Fact({ name, testId, children }: { name: string; testId: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{name}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function InlineDisclosure({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Disclosure className="inline-disclosure">
      <Heading level={4} className="inline-disclosure-heading">
        <Button slot="trigger" className="disclosure-trigger">
          <span className="chevron" aria-hidden="true" />
          {title}
        </Button>
      </Heading>
      <DisclosurePanel className="inline-disclosure-panel">{children}</DisclosurePanel>
    </Disclosure>
  );
}

function RequestDetails({ request }: { request: RequestPreview }) {
  return (
    <div className="request-details">
      <p className="mono">
        {request.method} {request.url}
      </p>
      <dl className="header-list">
        {Object.entries(request.headers).map(([name, value]) => (
          <div key={name}>
            <dt className="mono">{name}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
      <pre className="raw-response">{request.body}</pre>
    </div>
  );
}

/** The growing token count: the only part of the header that changes every frame while streaming. */
function TokenCount({ runId }: { runId: string }) {
  return <>{formatCount(useRunField(runId, (run) => run.tokenCount))}</>;
}

const noBatches: readonly (readonly number[])[] = [];

/** Subscribes to the arrivals (new every streamed frame): mounted only while the disclosure is open. */
function RunChunkTimingStats({ runId, testId }: { runId: string; testId: string }) {
  const arrivalBatches = useRunField(runId, (run) => run.arrivalBatches) ?? noBatches;
  return <ChunkTimingStats arrivalBatches={arrivalBatches} testId={testId} />;
}

function RunChunkTiming({ runId, testId }: { runId: string; testId: string }) {
  return (
    <ChunkTimingDisclosure>
      <RunChunkTimingStats runId={runId} testId={testId} />
    </ChunkTimingDisclosure>
  );
}

/** Status, who answered, usage and timing of one run; fixed slots, so nothing shifts while it streams. */
export function RunHeader({ run, testIdPrefix }: { run: RunHeaderState; testIdPrefix: string }) {
  const id = (name: string) => `${testIdPrefix}run-${name}`;
  const summary = run.summary;
  const routing = summary?.routing ?? run.routing;
  const failed = run.status === 'failed' || run.status === 'truncated';
  const servedBy = formatServedBy(routing, summary?.responseModel, failed);
  const fallback = formatFallback(routing);
  const headers = Object.entries(routing?.headers ?? {});
  const notes = run.request?.notes ?? [];
  const usage = summary?.usage;
  return (
    <div className="run-header">
      <div className="run-header-top">
        <span className={`status-badge status-${run.status}`} data-testid={id('status')}>
          {run.status}
        </span>
        {run.stopRequested && run.status === 'running' ? <span className="muted">stopping…</span> : null}
        <span className="mono run-model">{run.params.model}</span>
        <span className="run-served-by" data-testid={id('served-by')}>
          {servedBy ?? (run.status === 'running' ? 'Waiting for the response…' : '')}
        </span>
        {fallback ? (
          <span className="badge tone-warn" data-testid={id('fallback')}>
            {fallback}
          </span>
        ) : null}
        <span className="run-request-id">
          <span className="muted">Request ID </span>
          <span className="mono" data-testid={id('request-id')}>
            {routing?.requestId ?? '—'}
          </span>
        </span>
      </div>
      <dl className="facts run-metrics">
        <Fact name="Tokens" testId={id('usage')}>
          {formatUsage(usage)}
        </Fact>
        <Fact name="Time to first token" testId={id('ttft')}>
          {formatDuration(summary?.timing.ttftMs)}
        </Fact>
        <Fact name="Total time" testId={id('total-time')}>
          {summary ? (
            formatDuration(summary.timing.totalMs)
          ) : run.status === 'running' ? (
            <ElapsedTime startedAt={run.startedAt} />
          ) : (
            '—'
          )}
        </Fact>
        <Fact name="Speed" testId={id('tps')}>
          {formatTokensPerSecond(summary?.timing.tokensPerSecond)}
        </Fact>
        <Fact name="HTTP" testId={id('http-status')}>
          {run.httpStatus ?? '—'}
        </Fact>
        <RunCostFact run={run} testId={id('cost')} sourceTestId={id('cost-source')} />
        {run.hasTokens ? (
          <Fact name="Logprobs" testId={id('logprob-tokens')}>
            <TokenCount runId={run.runId} /> tokens
          </Fact>
        ) : null}
      </dl>
      {notes.length > 0 ? (
        <ul className="run-notes" data-testid={id('notes')}>
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <div className="run-disclosures">
        <InlineDisclosure
          title={
            <>
              Response headers <span className="muted">({headers.length})</span>
            </>
          }
        >
          {headers.length === 0 ? (
            <p className="muted">No x-bifrost-* headers{run.status === 'running' ? ' yet' : ''}.</p>
          ) : (
            <dl className="header-list" data-testid={id('response-headers')}>
              {headers.map(([name, value]) => (
                <div key={name}>
                  <dt className="mono">{name}</dt>
                  <dd className="mono">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </InlineDisclosure>
        {run.hasArrivals ? <RunChunkTiming runId={run.runId} testId={id('chunk-gap-stats')} /> : null}
        {run.request ? (
          <InlineDisclosure title="Request sent">{<RequestDetails request={run.request} />}</InlineDisclosure>
        ) : null}
      </div>
    </div>
  );
}
