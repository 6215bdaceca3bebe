import { constantBenchResponse } from "@/lib/server/bench-constant";

/** The least a Next route handler costs: a floor for `npm run bench`. 404 unless LATCHKEY_BENCH_ROUTES=1. */
export const GET = constantBenchResponse;
