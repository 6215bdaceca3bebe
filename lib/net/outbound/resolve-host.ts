import { lookup } from "node:dns/promises";
import { refusedAddress } from "./address-policy";
import { describeSeconds } from "./describe-limit";
import { OutboundError } from "./outbound-error";

/** Every address a host name resolves to. Tests pass their own; the default asks the system. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export const systemResolveHost: ResolveHost = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
};

const NOT_FOUND_CODES = new Set(["ENOTFOUND", "ENODATA", "EAI_NONAME", "EAI_NODATA", "EAI_FAIL"]);

/**
 * Resolves within `timeoutMs`; throws an OutboundError `unresolvable` or `timeout`. An empty
 * answer counts as not found.
 */
export async function resolveWithin(
  resolve: ResolveHost,
  hostname: string,
  timeoutMs: number,
): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new OutboundError(
            "timeout",
            `The host name ${hostname} could not be resolved within ${describeSeconds(timeoutMs)}`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    const addresses = await Promise.race([resolve(hostname), timeout]);
    if (addresses.length === 0)
      throw new OutboundError("unresolvable", `The host name ${hostname} could not be found`);
    return addresses;
  } catch (error) {
    if (error instanceof OutboundError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const message = NOT_FOUND_CODES.has(code)
      ? `The host name ${hostname} could not be found`
      : `The host name ${hostname} could not be resolved (DNS did not answer)`;
    throw new OutboundError("unresolvable", message, code || undefined);
  } finally {
    clearTimeout(timer);
  }
}

/** Throws `refused_address` naming the first resolved address Latchkey does not call. */
export function vetResolvedAddresses(addresses: readonly string[]): void {
  for (const address of addresses) {
    const refusal = refusedAddress(address);
    if (refusal) {
      throw new OutboundError(
        "refused_address",
        `The host resolves to ${refusal.description}, which Latchkey does not call`,
      );
    }
  }
}
