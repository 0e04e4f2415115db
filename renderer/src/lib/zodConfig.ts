import { z } from 'zod';

// The CSP forbids eval: tell zod not to probe for it (the probe itself is reported as a violation).
// Imported first by main.tsx, because zod probes when a schema is created, at import time.
z.config({ jitless: true });
