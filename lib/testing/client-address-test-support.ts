import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_PROOF_HEADER } from "@/lib/net/client-address";
import { serverClientAddressProof } from "@/lib/net/trusted-client-address";

/** Marks a request as Latchkey's server does before handing it to Next: address plus proof. */
export function asIfFromServer(request: Request, ip: string): Request {
  request.headers.set(CLIENT_ADDRESS_HEADER, ip);
  request.headers.set(CLIENT_ADDRESS_PROOF_HEADER, serverClientAddressProof());
  return request;
}
