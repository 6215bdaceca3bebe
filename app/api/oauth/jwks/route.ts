import { handleJwksRequest } from "@/lib/oauth/discovery";

export const dynamic = "force-dynamic";
export const GET = handleJwksRequest;
