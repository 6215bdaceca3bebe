/**
 * Reads at most `maxBytes` of a request body. The declared Content-Length is checked first,
 * and the stream is counted while it is read, so a body that lies about its length or has
 * none (chunked) is cut off at the limit instead of being buffered whole. `tooLarge` makes
 * the error the caller's surface speaks (problem+json here; an OAuth error could use it too).
 */
export async function readBoundedBytes(
  request: Request,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
