import { handleApiRequest } from "@/lib/api/handle-api-request";
import { clientAddressOf } from "@/lib/http/client-address-of";

type Context = { params: Promise<{ path: string[] }> };

const handle = async (request: Request, context: Context) =>
  handleApiRequest(request, clientAddressOf(request), (await context.params).path);

export const dynamic = "force-dynamic";
export { handle as DELETE, handle as GET, handle as PATCH, handle as POST, handle as PUT };
