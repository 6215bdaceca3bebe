/** The body of `POST /api/devices` as DESIGN.md describes it (JSON:API, cursor paging). */
export const MAX_PAGE_LIMIT = 2000;

export interface DevicesRequest {
  cursorId: string | undefined;
  limit: number;
  fields: string[] | undefined;
  filter: string | undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads the JSON:API body DESIGN.md describes, or says what is wrong with it. */
export function parseDevicesRequest(text: string): DevicesRequest | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return "The body is not JSON";
  }
  const data = isObject(body) ? body.data : undefined;
  if (!isObject(data) || data.type !== "entity_request_schema" || !isObject(data.attributes)) {
    return 'Expected {"data":{"type":"entity_request_schema","attributes":{…}}}';
  }
  const { use_cursor, cursor_id, page, fields, filter } = data.attributes;
  if (use_cursor !== true) return "use_cursor must be true";
  if (cursor_id !== undefined && cursor_id !== null && typeof cursor_id !== "string")
    return "cursor_id must be a string";
  const limit = isObject(page) ? page.limit : undefined;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    return `page.limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}`;
  }
  const devicesFields = isObject(fields) ? fields.devices : undefined;
  if (
    fields !== undefined &&
    (!Array.isArray(devicesFields) || devicesFields.some((f) => typeof f !== "string"))
  ) {
    return "fields.devices must be a list of field names";
  }
  if (filter !== undefined && filter !== null && typeof filter !== "string")
    return "filter must be an AQL string";
  return {
    cursorId: cursor_id ?? undefined,
    limit,
    fields: devicesFields as string[] | undefined,
    filter: filter ?? undefined,
  };
}
