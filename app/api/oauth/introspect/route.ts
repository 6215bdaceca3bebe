import { clientAddressOf } from "@/lib/http/client-address-of";
import { handleIntrospectionRequest } from "@/lib/oauth/introspection-endpoint";

export const POST = (request: Request) => handleIntrospectionRequest(request, clientAddressOf(request));
