import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_PROOF_HEADER } from "./client-address";
import { serverClientAddressProof, trustedClientAddress } from "./trusted-client-address";

const PROOF = Symbol.for("latchkey.clientAddressProof");

/** Runs `body` as under plain `next start`: no server in the process, so no proof made. */
function withoutServer(body: () => void) {
  const store = globalThis as Record<symbol, unknown>;
  const saved = store[PROOF];
  delete store[PROOF];
  try {
    body();
  } finally {
    if (saved !== undefined) store[PROOF] = saved;
  }
}

describe("trustedClientAddress", () => {
  it("believes the address only with this process's proof", () => {
    const proof = serverClientAddressProof();
    const headers = new Headers({
      [CLIENT_ADDRESS_HEADER]: "203.0.113.9",
      [CLIENT_ADDRESS_PROOF_HEADER]: proof,
    });
    expect(trustedClientAddress(headers)).toBe("203.0.113.9");
    expect(serverClientAddressProof()).toBe(proof);
  });

  it.each([
    ["no proof", {}],
    ["an empty proof", { [CLIENT_ADDRESS_PROOF_HEADER]: "" }],
    ["a guessed proof", { [CLIENT_ADDRESS_PROOF_HEADER]: "A".repeat(43) }],
    ["a proof of another length", { [CLIENT_ADDRESS_PROOF_HEADER]: "é" }],
  ])("answers unknown for a client-sent address with %s", (_label, proof) => {
    serverClientAddressProof();
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", ...proof });
    expect(trustedClientAddress(headers)).toBe("unknown");
  });

  it("answers unknown when no server made a proof, whatever the client sends", () => {
    withoutServer(() => {
      expect(trustedClientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" }))).toBe("unknown");
      expect(
        trustedClientAddress(
          new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", [CLIENT_ADDRESS_PROOF_HEADER]: "undefined" }),
        ),
      ).toBe("unknown");
    });
  });
});
