import { describe, expect, it } from "vitest";
import { progressReporter } from "../../record/imports/progress.js";

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

describe("the import's progress", () => {
  it("redraws one bar in place on a terminal, and ends it with a line break", () => {
    const { writes, stream: tty } = stream(true);
    const progress = progressReporter(tty);
    progress.update({ type: "interactions", done: 0, total: 1_000 });
    progress.update({ type: "interactions", done: 500, total: 1_000 });
    progress.done();
    expect(writes).toEqual([
      "\r[..............................]   0% interactions 0/1,000 rows\x1b[K",
      "\r[###############...............]  50% interactions 500/1,000 rows\x1b[K",
      "\n",
    ]);
  });

  it("writes plain lines elsewhere: every five seconds and at the end of a section", () => {
    let now = 0;
    const { writes, stream: pipe } = stream(false);
    const progress = progressReporter(pipe, () => now);
    progress.update({ type: "actors", done: 0, total: 2_000 });
    for (const done of [500, 1_000, 1_500, 2_000]) {
      now += 2_000;
      progress.update({ type: "actors", done, total: 2_000 });
    }
    progress.done();
    expect(writes).toEqual(["import: actors 1,500/2,000 rows (75%)\n", "import: actors 2,000/2,000 rows (100%)\n"]);
  });
});
