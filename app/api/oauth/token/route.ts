import { clientAddressOf } from "@/lib/http/client-address-of";
import { handleTokenRequest } from "@/lib/oauth/token-endpoint";

export const POST = (request: Request) => handleTokenRequest(request, clientAddressOf(request));
