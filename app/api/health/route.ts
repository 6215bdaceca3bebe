import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return checkHealth();
}
