/**
 * A local OpenAI-compatible test server (node:http on 127.0.0.1): POST /v1/chat/completions answers from a queue of
 * scripted replies, as JSON or as SSE chunks in the chat.completions wire format (text deltas, tool-call deltas with
 * arguments in fragments, finish_reason, a usage chunk with `choices: []`, `[DONE]`). It records every request.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedReply =
  | { text: string }
  | { toolCalls: { name: string; args: Record<string, unknown> }[]; text?: string }
  | { delayMs: number; text: string }
  | { status: number; error: string };

export interface ChatRequest {
  model: string;
  stream?: boolean;
  messages: { role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string } }[];
  stream_options?: { include_usage?: boolean };
}

export interface TestOpenAIServer {
  url: string;
  requests: ChatRequest[];
  enqueue(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });

let callSeq = 0;

export async function startTestOpenAIServer(): Promise<TestOpenAIServer> {
  const queue: ScriptedReply[] = [];
  const requests: ChatRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: `no route ${req.url}` } }));
      return;
    }
    const body = JSON.parse(await readBody(req)) as ChatRequest;
    requests.push(body);
    const reply = queue.shift() ?? { text: "(script exhausted)" };
    if ("status" in reply) {
      res
        .writeHead(reply.status, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: reply.error, type: "server_error" } }));
      return;
    }
    if ("delayMs" in reply) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    const id = `chatcmpl-${++callSeq}`;
    const created = Math.floor(Date.now() / 1000);
    const toolCalls =
      "toolCalls" in reply
        ? reply.toolCalls.map((c) => ({ id: `call_${++callSeq}`, name: c.name, arguments: JSON.stringify(c.args) }))
        : [];
    const text = reply.text ?? "";
    const usage = {
      prompt_tokens: 100 + body.messages.length,
      completion_tokens: 10 + text.length,
      total_tokens: 110 + body.messages.length + text.length,
    };
    const finish = toolCalls.length ? "tool_calls" : "stop";

    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          id,
          object: "chat.completion",
          created,
          model: body.model,
          choices: [
            {
              index: 0,
              finish_reason: finish,
              message: {
                role: "assistant",
                content: text || null,
                ...(toolCalls.length
                  ? {
                      tool_calls: toolCalls.map((c) => ({
                        id: c.id,
                        type: "function",
                        function: { name: c.name, arguments: c.arguments },
                      })),
                    }
                  : {}),
              },
            },
          ],
          usage,
        }),
      );
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const send = (chunk: unknown) => res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    const base = { id, object: "chat.completion.chunk", created, model: body.model };
    send({ ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
    for (const piece of text.match(/.{1,7}/gs) ?? [])
      send({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
    toolCalls.forEach((c, index) => {
      send({
        ...base,
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index, id: c.id, type: "function", function: { name: c.name, arguments: "" } }] },
            finish_reason: null,
          },
        ],
      });
      for (const frag of c.arguments.match(/.{1,5}/gs) ?? [])
        send({
          ...base,
          choices: [
            { index: 0, delta: { tool_calls: [{ index, function: { arguments: frag } }] }, finish_reason: null },
          ],
        });
    });
    send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] });
    if (body.stream_options?.include_usage) send({ ...base, choices: [], usage });
    res.write("data: [DONE]\n\n");
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
