import { describe, expect, it } from "vitest";
import { piecesWithout } from "../../web/src/graph/components.ts";

describe("web pieces without an actor", () => {
  it("split a path at its middle", () => {
    const { pieces, untouched } = piecesWithout(
      ["a", "b", "c"],
      [
        ["a", "b"],
        ["b", "c"],
      ],
      "b",
    );
    expect(pieces.map((p) => p.sort())).toEqual([["a"], ["c"]]);
    expect(untouched).toEqual([]);
  });

  it("leave a triangle in one piece", () => {
    expect(
      piecesWithout(
        ["a", "b", "c"],
        [
          ["a", "b"],
          ["b", "c"],
          ["a", "c"],
        ],
        "a",
      ).pieces.map((p) => p.sort()),
    ).toEqual([["b", "c"]]);
  });

  it("put the largest piece first and keep separate parts apart", () => {
    // A star around h with arms of 2 and 1, and an untouched pair x—y.
    const result = piecesWithout(
      ["h", "a1", "a2", "b1", "x", "y"],
      [
        ["h", "a1"],
        ["a1", "a2"],
        ["h", "b1"],
        ["x", "y"],
      ],
      "h",
    );
    expect(result.pieces.map((p) => p.length)).toEqual([2, 1]);
    expect(result.untouched.map((p) => p.sort())).toEqual([["x", "y"]]);
  });

  it("give no piece for an isolated actor", () => {
    const result = piecesWithout(["a", "b", "z"], [["a", "b"]], "z");
    expect(result.pieces).toEqual([]);
    expect(result.untouched).toHaveLength(1);
  });

  it("ignore ties to actors that are not shown", () => {
    expect(
      piecesWithout(
        ["a", "b"],
        [
          ["a", "b"],
          ["b", "ghost"],
        ],
        "b",
      ).pieces,
    ).toEqual([["a"]]);
  });
});
