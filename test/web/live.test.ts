import { describe, expect, it } from "vitest";
import { SseParser } from "../../web/src/api/sse.ts";
import { backoffMs, coalesce } from "../../web/src/live.ts";

describe("the map's server-sent events parser", () => {
  it("splits messages across chunks, skips pings and joins multi-line data", () => {
    const parser = new SseParser();
    expect(parser.push(':\n\nevent: next\ndata: {"a"')).toEqual([]);
    expect(parser.push(":1}\n\n:\n\nevent: next\r\ndata: x\r\ndata: y\r\n\r\nevent: complete\ndata:\n\n")).toEqual([
      { event: "next", data: '{"a":1}' },
      { event: "next", data: "x\ny" },
      { event: "complete", data: "" },
    ]);
  });
});

describe("live updates' reconnection and refetching", () => {
  it("backs off from 1 s, doubling to 30 s, with at most 30 % jitter", () => {
    expect([0, 1, 2, 5, 9].map((attempt) => backoffMs(attempt, () => 0))).toEqual([1_000, 2_000, 4_000, 30_000, 30_000]);
    expect(backoffMs(0, () => 1)).toBe(1_300);
  });

  it("runs one refetch for a burst of changes, and one more for changes that came during it", async () => {
    let runs = 0;
    let release: () => void = () => {};
    const trigger = coalesce(async () => {
      runs += 1;
      await new Promise<void>((resolve) => (release = resolve));
    });
    trigger();
    trigger();
    trigger();
    expect(runs).toBe(1);
    release();
    await expect.poll(() => runs).toBe(2);
    release();
    await Promise.resolve();
    trigger();
    await expect.poll(() => runs).toBe(3);
    release();
  });
});
