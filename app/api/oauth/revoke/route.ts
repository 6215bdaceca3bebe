import { clientAddressOf } from "@/lib/http/client-address-of";
import { handleRevocationRequest } from "@/lib/oauth/revocation-endpoint";

export const POST = (request: Request) => handleRevocationRequest(request, clientAddressOf(request));
