/**
 * A GraphQL subscription over server-sent events, read with fetch streaming: a POST with
 * `accept: text/event-stream` and a JSON body, which the API's CSRF prevention lets through
 * (EventSource can only GET, without the header it asks for).
 */
import { ApiError, type Document } from "./client.ts";

export interface SseMessage {
  event: string;
  data: string;
}

/** Splits a text/event-stream into messages; feed it chunks as they come. Comments (pings) are skipped. */
export class SseParser {
  private buffer = "";

  push(chunk: string): SseMessage[] {
    this.buffer += chunk.replace(/\r\n?/g, "\n");
    const messages: SseMessage[] = [];
    let end: number;
    while ((end = this.buffer.indexOf("\n\n")) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line === "" || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") event = value;
        else if (field === "data") data.push(value);
      }
      if (data.length > 0 || event !== "message") messages.push({ event, data: data.join("\n") });
    }
    return messages;
  }
}

export interface SubscriptionHandlers<T> {
  /** The stream is open: the server listens for changes from now on. */
  onOpen(): void;
  onData(data: T): void;
}

/** Why a subscription ended: the server completed it, or it failed (`retryAfterMs` when the server said). */
export type SubscriptionEnd = { kind: "complete" } | { kind: "error"; error: ApiError; retryAfterMs: number | null };

/** Runs one subscription until the server ends it, it fails or `signal` aborts; never rejects. */
export async function subscribe<TData, TVars>(
  doc: Document<TData, TVars>,
  variables: TVars,
  handlers: SubscriptionHandlers<TData>,
  signal: AbortSignal,
): Promise<SubscriptionEnd> {
  try {
    const response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: doc.text, variables }),
      signal,
    });
    const retryAfter = Number(response.headers.get("retry-after"));
    const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null;
    if (!response.body || !response.headers.get("content-type")?.startsWith("text/event-stream")) {
      const body = (await response.json().catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
      const first = body?.errors?.[0];
      return { kind: "error", error: new ApiError(first?.message ?? `HTTP ${response.status}`, first?.extensions?.code), retryAfterMs };
    }
    handlers.onOpen();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { kind: "error", error: new ApiError("The live stream closed."), retryAfterMs: null };
      for (const message of parser.push(value)) {
        if (message.event === "complete") return { kind: "complete" };
        if (message.event !== "next") continue;
        const result = JSON.parse(message.data) as { data?: TData; errors?: { message: string; extensions?: { code?: string } }[] };
        const first = result.errors?.[0];
        if (first) return { kind: "error", error: new ApiError(first.message, first.extensions?.code), retryAfterMs };
        if (result.data) handlers.onData(result.data);
      }
    }
  } catch (error) {
    return {
      kind: "error",
      error: error instanceof ApiError ? error : new ApiError(error instanceof Error ? error.message : String(error)),
      retryAfterMs: null,
    };
  }
}
