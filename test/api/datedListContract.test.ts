import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { byDateThenId } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

/**
 * The contract of every dated list of the API, one table row per list: served from the oldest,
 * ties broken by id, with a total count, and narrowed by `from` and `to`, both ends included.
 * What is particular to a list (its own filters) is tested in its type's file.
 */
const LISTS = [
  { field: "needAssessments", filter: "NeedAssessmentFilter", count: (api: TestApi) => api.db.prisma.needAssessment.count() },
  { field: "fundings", filter: "FundingFilter", count: (api: TestApi) => api.db.prisma.funding.count() },
  { field: "evaluations", filter: "EvaluationFilter", count: (api: TestApi) => api.db.prisma.evaluation.count() },
  { field: "practiceAssessments", filter: "PracticeAssessmentFilter", count: (api: TestApi) => api.db.prisma.practiceAssessment.count() },
];

interface Dated {
  id: string;
  date: string;
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe.each(LISTS)("the $field list", ({ field, filter, count }) => {
  const query = `query ($filter: ${filter}, $after: String) {
    ${field}(filter: $filter, first: 500, after: $after) { totalCount nodes { id date } pageInfo { hasNextPage endCursor } }
  }`;

  /** Every page of the list. */
  async function list(where?: Record<string, unknown>): Promise<{ totalCount: number; nodes: Dated[] }> {
    const nodes: Dated[] = [];
    let after: string | undefined;
    for (;;) {
      const result = await api.gql(query, { filter: where, after });
      expect(result.errors).toBeUndefined();
      const page = result.data[field];
      nodes.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return { totalCount: page.totalCount, nodes };
      after = page.pageInfo.endCursor;
    }
  }

  it("lists every seeded record from the oldest, ties broken by id, with a total count", async () => {
    const { totalCount, nodes } = await list();
    expect(totalCount).toBe(await count(api));
    expect(nodes).toHaveLength(totalCount);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(totalCount);
    expect(nodes.map((n) => n.id)).toEqual([...nodes].sort(byDateThenId).map((n) => n.id));
  });

  it("narrows to a date range that includes both of its ends", async () => {
    const all = await list();
    const day = all.nodes[Math.floor(all.nodes.length / 2)]!.date;
    const [onDay, from, to] = await Promise.all([list({ from: day, to: day }), list({ from: day }), list({ to: day })]);
    expect(onDay.totalCount).toBe(all.nodes.filter((n) => n.date === day).length);
    expect(onDay.nodes.every((n) => n.date === day)).toBe(true);
    expect(from.nodes.every((n) => n.date >= day)).toBe(true);
    expect(to.nodes.every((n) => n.date <= day)).toBe(true);
    expect(from.totalCount + to.totalCount - onDay.totalCount).toBe(all.totalCount);
  });
});
