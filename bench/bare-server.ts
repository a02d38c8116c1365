// The yardstick: node:http answering a fixed page of the same size as an event
// page, with no framework, no database and no rendering.
import { createServer } from "node:http";

const body = Buffer.from(process.env.BARE_BODY ?? "<!doctype html><title>bare</title>", "utf8");
const server = createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
  res.end(body);
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("ready"));
