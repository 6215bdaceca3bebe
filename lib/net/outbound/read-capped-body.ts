import type { Readable } from "node:stream";
import { describeBytes } from "./describe-limit";
import { OutboundError } from "./outbound-error";

/** Stops reading and closes the connection; the abort error it raises is expected. */
export function discardBody(body: Readable): void {
  body.on("error", () => {});
  body.destroy();
}

function tooLarge(host: string, maxBytes: number): OutboundError {
  return new OutboundError(
    "too_large",
    `The answer from ${host} is larger than ${describeBytes(maxBytes)}, so Latchkey stopped reading it`,
  );
}

/**
 * Reads a response body up to `maxBytes`. A declared Content-Length over the cap is refused
 * before reading; otherwise the stream is counted as it arrives and destroyed at the cap, so
 * a body that lies about its length or is chunked never gets buffered whole.
 */
export async function readCappedBody(
  body: Readable,
  declaredLength: string | string[] | undefined,
  maxBytes: number,
  host: string,
): Promise<Buffer> {
  const declared = Number(typeof declaredLength === "string" ? declaredLength : Number.NaN);
  if (declared > maxBytes) {
    discardBody(body);
    throw tooLarge(host, maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    total += buffer.byteLength;
    if (total > maxBytes) {
      discardBody(body);
      throw tooLarge(host, maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}
