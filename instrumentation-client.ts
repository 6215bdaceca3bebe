import { z } from "zod";

// Zod probes for `new Function` to speed up parsing; the console's script policy forbids eval,
// so the probe would be reported as a CSP violation. Browsers parse without it.
z.config({ jitless: true });
