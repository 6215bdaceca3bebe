/**
 * Run as a separate process by the shared-limits test: spends failures of the secret budgets
 * (as wrong client secrets do) against the same database or Redis, then exits.
 * Usage: tsx lib/testing/spend-failures-elsewhere.ts <ip> <clientId> <count>
 */
import { closeDb } from "@/lib/db/client";
import { closeCounterStores } from "@/lib/limits/counter-store";
import { recordSecretFailure } from "@/lib/limits/secret-guessing";

const [ip = "", clientId = "", count = "0"] = process.argv.slice(2);
for (let attempt = 0; attempt < Number(count); attempt += 1) await recordSecretFailure(ip, clientId);
await closeCounterStores();
await closeDb();
