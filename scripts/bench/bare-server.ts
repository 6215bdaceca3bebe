/** The ceiling: a bare node:http server answering a constant JSON body of the given size. */
import http from "node:http";
import { constantBody } from "@/lib/server/bench-constant";

const port = Number(process.env.PORT);
const body = constantBody(Number(process.env.BODY_BYTES || 64));
http
  .createServer((_request, response) => {
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    response.end(body);
  })
  .listen(port, "127.0.0.1", () => console.log(`bare server on ${port}`));
