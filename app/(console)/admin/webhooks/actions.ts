"use server";

import { revalidatePath } from "next/cache";
import { endpointPath, WEBHOOKS_PATH } from "@/components/webhooks/webhook-paths";
import { adminAction } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { actorOf } from "@/lib/users/user-commands";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { endpointUrlGuard } from "@/lib/webhooks/endpoint-url-guard";
import { deliverSoon } from "@/lib/webhooks/queue/webhook-delivery-worker";
import { redeliverWebhookDelivery } from "@/lib/webhooks/redeliver-webhook-delivery";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { sendTestWebhookEvent } from "@/lib/webhooks/send-test-webhook-event";
import { setWebhookEndpointEnabled } from "@/lib/webhooks/set-webhook-endpoint-enabled";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import type { WebhookEndpointRecord } from "@/lib/webhooks/webhook-endpoint-record";
import { WebhookDeliveryNotFoundError, WebhookEndpointNotFoundError } from "@/lib/webhooks/webhook-errors";
import {
  endpointReferenceSchema,
  redeliverSchema,
  setEndpointEnabledSchema,
  webhookEndpointSchemas,
} from "@/lib/webhooks/webhook-schemas";

/**
 * The console's webhook actions, each behind the admin gate and scoped to the admin's
 * organization. A signing secret leaves only in the answer to "Add endpoint" and "Rotate
 * secret", once. Deliveries a command queued are handed to the job queue after its commit.
 */

function found<T>(result: T | null, notFound: () => Error = () => new WebhookEndpointNotFoundError()): T {
  if (result === null) throw notFound();
  return result;
}

function revalidateEndpoint(endpointId: string) {
  revalidatePath(WEBHOOKS_PATH);
  revalidatePath(endpointPath(endpointId));
  revalidatePath("/");
}

/** What the browser gets of an endpoint: no secret, no sealed value. */
function summary(endpoint: WebhookEndpointRecord) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    enabled: endpoint.enabled,
  };
}

const setEnabled = adminAction(setEndpointEnabledSchema, async (admin, values) => {
  const endpoint = found(
    await setWebhookEndpointEnabled(await getDb(), admin.organization.id, actorOf(admin), values),
  );
  revalidateEndpoint(endpoint.id);
  return summary(endpoint);
});

const rotate = adminAction(endpointReferenceSchema, async (admin, values) => {
  const rotated = found(
    await rotateWebhookSecret(await getDb(), admin.organization.id, actorOf(admin), values),
  );
  revalidateEndpoint(rotated.endpoint.id);
  return { endpoint: summary(rotated.endpoint), secret: rotated.secret };
});

const sendTest = adminAction(endpointReferenceSchema, async (admin, values) => {
  const queued = found(
    await sendTestWebhookEvent(await getDb(), admin.organization.id, actorOf(admin), values),
  );
  await deliverSoon();
  revalidateEndpoint(values.endpointId);
  return queued;
});

const redeliver = adminAction(redeliverSchema, async (admin, values) => {
  const queued = found(
    await redeliverWebhookDelivery(await getDb(), admin.organization.id, actorOf(admin), values),
    () => new WebhookDeliveryNotFoundError(),
  );
  await deliverSoon();
  revalidateEndpoint(values.endpointId);
  return queued;
});

const remove = adminAction(endpointReferenceSchema, async (admin, values) => {
  const endpoint = found(
    await deleteWebhookEndpoint(await getDb(), admin.organization.id, actorOf(admin), values),
  );
  revalidateEndpoint(endpoint.id);
  return { url: endpoint.url };
});

/** "Add endpoint" → "Save": the endpoint and its signing secret, shown once. */
export async function createEndpointAction(input: unknown) {
  // Built per call: the schema admits plain http only for hosts the allow-list names.
  const guard = endpointUrlGuard();
  const create = adminAction(webhookEndpointSchemas(guard).create, async (admin, values) => {
    const created = await createWebhookEndpoint(
      await getDb(),
      admin.organization.id,
      actorOf(admin),
      values,
      guard,
    );
    revalidateEndpoint(created.endpoint.id);
    return { endpoint: summary(created.endpoint), secret: created.secret };
  });
  return create(input);
}

/** URL, description and events; a new URL passes the guard again. */
export async function updateEndpointAction(input: unknown) {
  const guard = endpointUrlGuard();
  const update = adminAction(webhookEndpointSchemas(guard).update, async (admin, values) => {
    const endpoint = found(
      await updateWebhookEndpoint(await getDb(), admin.organization.id, actorOf(admin), values, guard),
    );
    revalidateEndpoint(endpoint.id);
    return summary(endpoint);
  });
  return update(input);
}

export async function setEndpointEnabledAction(input: unknown) {
  return setEnabled(input);
}

export async function rotateEndpointSecretAction(input: unknown) {
  return rotate(input);
}

export async function sendTestEventAction(input: unknown) {
  return sendTest(input);
}

export async function redeliverAction(input: unknown) {
  return redeliver(input);
}

export async function deleteEndpointAction(input: unknown) {
  return remove(input);
}
