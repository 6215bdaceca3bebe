import { handleDiscoveryRequest } from "@/lib/oauth/discovery";

export const dynamic = "force-dynamic";
export const GET = handleDiscoveryRequest;
