"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/current-user";
import { ClientNotFoundError } from "@/lib/clients/client-errors";
import type { ClientRecord } from "@/lib/clients/client-record";
import { setClientRequestRateSchema } from "@/lib/clients/client-request-rate-schema";
import {
  createClientSchema,
  deleteClientSchema,
  endSecretGraceSchema,
  rotateClientSecretSchema,
  setClientStatusSchema,
  updateClientSchema,
} from "@/lib/clients/client-schemas";
import { createClient } from "@/lib/clients/create-client";
import { deleteClient } from "@/lib/clients/delete-client";
import { endSecretGrace } from "@/lib/clients/end-secret-grace";
import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import { setClientRequestRate } from "@/lib/clients/set-client-request-rate";
import { setClientStatus } from "@/lib/clients/set-client-status";
import { updateClient } from "@/lib/clients/update-client";
import { getDb } from "@/lib/db/client";
import { removeUnusedClientPermissions } from "@/lib/lifecycle/unused-permissions";
import { removeUnusedPermissionsSchema } from "@/lib/lifecycle/unused-permissions-schema";
import { setIpRestriction } from "@/lib/organizations/ip-restriction";
import { setIpRestrictionSchema } from "@/lib/organizations/ip-restriction-schema";
import { actorOf } from "@/lib/users/user-commands";

const LIST_PATH = "/admin/api-settings";

function found<T>(result: T | null): T {
  if (result === null) throw new ClientNotFoundError();
  return result;
}

function revalidateClient(clientId: string) {
  revalidatePath(LIST_PATH);
  revalidatePath(`${LIST_PATH}/clients/${clientId}`);
}

/** What the browser gets back about a client: its public fields only. */
function publicFields(client: ClientRecord) {
  return { clientId: client.clientId, name: client.name, description: client.description };
}

// The create and rotate actions return the plaintext secret once, to the one-time dialog;
// it is never put in a page, a log or an audit event.
const create = adminAction(createClientSchema, async (admin, values) => {
  const { client, secret } = await createClient(await getDb(), admin.organization.id, actorOf(admin), values);
  revalidatePath(LIST_PATH);
  return { ...publicFields(client), secret };
});

const update = adminAction(updateClientSchema, async (admin, values) => {
  const client = found(await updateClient(await getDb(), admin.organization.id, actorOf(admin), values));
  revalidateClient(client.clientId);
  return publicFields(client);
});

const rotate = adminAction(rotateClientSecretSchema, async (admin, values) => {
  const rotated = found(
    await rotateClientSecret(await getDb(), admin.organization.id, actorOf(admin), values),
  );
  revalidateClient(rotated.client.clientId);
  return {
    ...publicFields(rotated.client),
    secret: rotated.secret,
    previousSecretExpiresAt: rotated.previousSecretExpiresAt?.toISOString() ?? null,
  };
});

const endGrace = adminAction(endSecretGraceSchema, async (admin, values) => {
  const client = found(await endSecretGrace(await getDb(), admin.organization.id, actorOf(admin), values));
  revalidateClient(client.clientId);
  return publicFields(client);
});

const setStatus = adminAction(setClientStatusSchema, async (admin, values) => {
  const client = found(await setClientStatus(await getDb(), admin.organization.id, actorOf(admin), values));
  revalidateClient(client.clientId);
  return { status: client.status };
});

const setRequestRate = adminAction(setClientRequestRateSchema, async (admin, values) => {
  const client = found(
    await setClientRequestRate(await getDb(), admin.organization.id, actorOf(admin), values),
  );
  revalidateClient(client.clientId);
  return { requestsPerMinute: client.requestsPerMinute };
});

const remove = adminAction(deleteClientSchema, async (admin, values) => {
  const client = found(await deleteClient(await getDb(), admin.organization.id, actorOf(admin), values));
  revalidatePath(LIST_PATH);
  return { name: client.name };
});

const restrictByIp = adminAction(setIpRestrictionSchema, async (admin, values) => {
  const change = await setIpRestriction(await getDb(), admin.organization.id, actorOf(admin), values);
  revalidatePath(LIST_PATH, "layout");
  return change;
});

export async function createClientAction(input: unknown) {
  return create(input);
}

export async function updateClientAction(input: unknown) {
  return update(input);
}

export async function rotateClientSecretAction(input: unknown) {
  return rotate(input);
}

export async function endSecretGraceAction(input: unknown) {
  return endGrace(input);
}

export async function setClientStatusAction(input: unknown) {
  return setStatus(input);
}

export async function setClientRequestRateAction(input: unknown) {
  return setRequestRate(input);
}

export async function deleteClientAction(input: unknown) {
  return remove(input);
}

export async function setIpRestrictionAction(input: unknown) {
  return restrictByIp(input);
}

const removeUnused = adminAction(removeUnusedPermissionsSchema, async (admin, values) => {
  const result = found(
    await removeUnusedClientPermissions(await getDb(), admin.organization.id, actorOf(admin), values),
  );
  revalidateClient(result.client.clientId);
  return { ...publicFields(result.client), removed: result.removed };
});

/** "Remove unused permissions" on a client's page, after the diff is confirmed. */
export async function removeUnusedPermissionsAction(input: unknown) {
  return removeUnused(input);
}
