import { z } from "zod";

/** Where the previous page ended: the sort it was read in, its last sort key and its last ID. */
export interface CursorPosition {
  sort: string;
  key: string;
  id: string;
}

/** Any 8-4-4-4-12 hex string; what PostgreSQL's uuid type accepts in its canonical form. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const cursorSchema = z.tuple([z.string().max(100), z.string().max(1000), z.string().regex(UUID_PATTERN)]);

/** Opaque to clients: base64url of a small JSON array. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.key, position.id])).toString("base64url");
}

/** The position a cursor holds, or null when it is not one this API issued. */
export function decodeCursor(cursor: string): CursorPosition | null {
  if (cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const [sort, key, id] = parsed.data;
    return { sort, key, id };
  } catch {
    return null;
  }
}
