import type { ReactNode } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';

/** A collapsible group of parameters; the badge says how many are set. */
export function Section({ title, badge, children }: { title: string; badge?: string; children: ReactNode }) {
  return (
    <Disclosure className="section" defaultExpanded>
      <Heading level={3} className="section-heading">
        <Button slot="trigger" className="section-trigger">
          <span className="chevron" aria-hidden="true" />
          <span className="section-title">{title}</span>
          {badge ? <span className="section-badge">{badge}</span> : null}
        </Button>
      </Heading>
      <DisclosurePanel className="section-panel">{children}</DisclosurePanel>
    </Disclosure>
  );
}
