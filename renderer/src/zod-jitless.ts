import { config } from 'zod';

// Imported first by main.tsx, before any schema exists: the renderer's CSP forbids eval, so
// zod is told not to probe for it with `new Function` (a refused probe is a CSP violation
// report; the JIT would be refused anyway). Issue 11, finding 12.
config({ jitless: true });
