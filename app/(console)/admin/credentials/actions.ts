"use server";

import { revalidatePath } from "next/cache";
import {
  CREDENTIALS_PATH,
  credentialPath,
  toCredentialSummary,
} from "@/components/credentials/credential-summary";
import { adminAction } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { createOutboundCredential } from "@/lib/outbound-credentials/create-outbound-credential";
import { CredentialNotFoundError } from "@/lib/outbound-credentials/credential-errors";
import {
  deleteOutboundCredentialSchema,
  outboundCredentialSchemas,
  replaceCredentialSecretSchema,
} from "@/lib/outbound-credentials/credential-schemas";
import { deleteOutboundCredential } from "@/lib/outbound-credentials/delete-outbound-credential";
import { outboundHostUrlGuard } from "@/lib/outbound-credentials/outbound-host-url-guard";
import { replaceCredentialSecret } from "@/lib/outbound-credentials/replace-credential-secret";
import {
  testOutboundCredential,
  testOutboundCredentialSchema,
} from "@/lib/outbound-credentials/test-outbound-credential";
import { updateOutboundCredential } from "@/lib/outbound-credentials/update-outbound-credential";
import { actorOf } from "@/lib/users/user-commands";

/**
 * The console's outbound credential actions. Each returns safe fields only: the API key and
 * client secret arrive with a create or a replacement and are never sent back, in a result
 * or in an error. Host URLs pass the outbound client's checks (outboundHostUrlGuard).
 */

const WIZARD_PATH = "/data-flows/new";

function found<T>(result: T | null): T {
  if (result === null) throw new CredentialNotFoundError();
  return result;
}

function revalidateCredential(credentialId: string) {
  revalidatePath(CREDENTIALS_PATH);
  revalidatePath(credentialPath(credentialId));
  revalidatePath(WIZARD_PATH);
}

const replace = adminAction(replaceCredentialSecretSchema, async (admin, values) => {
  const credential = found(
    await replaceCredentialSecret(await getDb(), admin.organization.id, actorOf(admin), values),
  );
  revalidateCredential(credential.id);
  return {
    credential: toCredentialSummary(credential),
    replaced: { apiKey: values.apiKey !== undefined, clientSecret: values.clientSecret !== undefined },
  };
});

const test = adminAction(testOutboundCredentialSchema, async (admin, values) => {
  const tested = found(
    await testOutboundCredential(await getDb(), admin.organization.id, actorOf(admin), values.credentialId),
  );
  revalidateCredential(tested.credential.id);
  return {
    outcome: tested.outcome,
    message: tested.message,
    credential: toCredentialSummary(tested.credential),
  };
});

const remove = adminAction(deleteOutboundCredentialSchema, async (admin, values) => {
  const credential = found(
    await deleteOutboundCredential(await getDb(), admin.organization.id, actorOf(admin), values),
  );
  revalidateCredential(credential.id);
  return { name: credential.name };
});

/** "New Credential" → "Save": the credential's safe fields, for its tile or the list. */
export async function createCredentialAction(input: unknown) {
  // Built per call: the schema admits plain http only for hosts the allow-list names.
  const guard = outboundHostUrlGuard();
  const create = adminAction(outboundCredentialSchemas(guard).create, async (admin, values) => {
    const credential = await createOutboundCredential(
      await getDb(),
      admin.organization.id,
      actorOf(admin),
      values,
      guard,
    );
    revalidateCredential(credential.id);
    return toCredentialSummary(credential);
  });
  return create(input);
}

/** Name, description and host URL; a new host passes the guard and clears the last test. */
export async function updateCredentialAction(input: unknown) {
  const guard = outboundHostUrlGuard();
  const update = adminAction(outboundCredentialSchemas(guard).update, async (admin, values) => {
    const credential = found(
      await updateOutboundCredential(await getDb(), admin.organization.id, actorOf(admin), values, guard),
    );
    revalidateCredential(credential.id);
    return toCredentialSummary(credential);
  });
  return update(input);
}

export async function replaceCredentialSecretAction(input: unknown) {
  return replace(input);
}

export async function testCredentialConnectionAction(input: unknown) {
  return test(input);
}

export async function deleteCredentialAction(input: unknown) {
  return remove(input);
}
