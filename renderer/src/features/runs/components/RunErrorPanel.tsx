import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import type { RunError } from '@shared/contracts/runs';

/** What went wrong, what the server said, and the raw response on demand. */
export function RunErrorPanel({ error, testId }: { error: RunError; testId: string }) {
  const facts: Array<[string, string]> = [];
  if (error.status !== undefined) facts.push(['Status', String(error.status)]);
  if (error.param) facts.push(['Param', error.param]);
  if (error.retryAfterSeconds !== undefined) facts.push(['Retry-After', `${error.retryAfterSeconds} s`]);
  if (error.code) facts.push(['Code', error.code]);
  if (error.type) facts.push(['Type', error.type]);
  facts.push(['Kind', error.kind]);
  if (error.url) facts.push(['URL', error.url]);
  return (
    <div role="alert" className="run-error" data-testid={testId}>
      <h3 className="run-error-title">{error.title}</h3>
      <p className="run-error-message">{error.message}</p>
      <dl className="facts">
        {facts.map(([name, value]) => (
          <div key={name} className="fact">
            <dt>{name}</dt>
            <dd className={name === 'URL' || name === 'Code' ? 'mono' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      {error.raw ? (
        <Disclosure className="inline-disclosure">
          <Heading level={4} className="inline-disclosure-heading">
            <Button slot="trigger" className="disclosure-trigger">
              <span className="chevron" aria-hidden="true" />
              Show raw response
            </Button>
          </Heading>
          <DisclosurePanel className="inline-disclosure-panel">
            <pre className="raw-response" data-testid="raw-response">
              {error.raw}
            </pre>
          </DisclosurePanel>
        </Disclosure>
      ) : null}
    </div>
  );
}
