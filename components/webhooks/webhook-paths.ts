export const WEBHOOKS_PATH = "/admin/webhooks";
export const NEW_ENDPOINT_PATH = `${WEBHOOKS_PATH}/new`;

export function endpointPath(endpointId: string): string {
  return `${WEBHOOKS_PATH}/${endpointId}`;
}
