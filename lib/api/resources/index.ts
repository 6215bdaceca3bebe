import type { ApiCaller } from "@/lib/api/auth/api-caller";
import type { ResourceKey } from "@/lib/permissions/catalogue";
import type { ResourceDefinition } from "../resource-definition";
import { auditEventResource } from "./audit-events";
import { caseResource } from "./cases";
import { categoryResource } from "./categories";
import { deviceResource } from "./devices";
import { evidenceResource } from "./evidence";
import { downloadEvidenceContent } from "./evidence-content";
import { groupResource } from "./groups";
import { reportResource } from "./reports";
import { userResource } from "./users";

/** One definition per catalogue resource; the type makes a new catalogue entry fail to compile here. */
export const RESOURCE_DEFINITIONS: Record<ResourceKey, ResourceDefinition> = {
  users: userResource,
  groups: groupResource,
  cases: caseResource,
  evidence: evidenceResource,
  devices: deviceResource,
  reports: reportResource,
  categories: categoryResource,
  audit_events: auditEventResource,
};

type DownloadHandler = (request: Request, caller: ApiCaller, id: string) => Promise<Response>;

/** The handlers of the catalogue's `download` operation, for the resources that have it. */
export const DOWNLOAD_HANDLERS: Partial<Record<ResourceKey, DownloadHandler>> = {
  evidence: downloadEvidenceContent,
};
