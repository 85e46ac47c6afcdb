import fs from "node:fs";
import path from "node:path";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { createYoga } from "graphql-yoga";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../schema/index.js";
import { createLogger } from "../../server/logger.js";
import { report } from "../../server/plugins/report.js";
import { SECTION_IDS, renderHtml } from "../../server/report/renderHtml.js";
import { gatherReport } from "../../server/report/reportData.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { byId, elements, parseReport, parseSvgs, withAttribute } from "./reportDocument.js";

// Rendered notebooks stay in this folder after the run, to be opened or printed.
const OUT = path.resolve(import.meta.dirname, "../../.tmp/reports");
const CHROMIUM = fs.existsSync("/usr/bin/chromium");

let api: TestApi;
let deps: Parameters<typeof gatherReport>[0];
let codes: string[];
/** The French notebooks rendered by the first test, by territory code. */
const rendered = new Map<string, string>();

beforeAll(async () => {
  api = await startTestApi();
  deps = { prisma: api.db.prisma, graph: api.graph, logger: createLogger("silent") };
  codes = (await api.db.prisma.ecosystem.findMany({ select: { territory: { select: { code: true } } }, orderBy: { id: "asc" } })).map((e) => e.territory.code);
  fs.mkdirSync(OUT, { recursive: true });
  console.log(`rendered reports: ${OUT}`);
});
afterAll(() => api?.close());

/** The persons of an ecosystem's actors: their names, e-mails and phones must never show. */
async function personalDataOf(actorGlobalIds: string[]): Promise<string[]> {
  const actorIds = actorGlobalIds.map((id) => Number(decodeGlobalID(id).id));
  const people = await api.db.prisma.person.findMany({ where: { actorId: { in: actorIds } }, select: { name: true, email: true, phone: true } });
  return people.flatMap((p) => [p.name, p.email, p.phone]).filter((x): x is string => Boolean(x));
}

describe("the observation notebook", () => {
  it("renders for every demo ecosystem: well-formed, every section, valid SVG, offline, and no person's name or e-mail", async () => {
    expect(codes).toHaveLength(81);
    let personsChecked = 0;
    for (const code of codes) {
      const data = await gatherReport(deps, code, "fr");
      expect(data, code).not.toBeNull();
      const html = renderHtml(data!, { language: "fr" });
      rendered.set(code, html);
      fs.writeFileSync(path.join(OUT, `maillage-${code}-fr.html`), html);

      const { document, problems } = parseReport(html);
      expect(problems, code).toEqual([]);
      expect(document.documentElement!.getAttribute("lang")).toBe("fr");
      expect(elements(document, "title")[0]?.textContent).toContain(data!.ecosystem.name);
      for (const id of SECTION_IDS) {
        const section = byId(document, id);
        expect(section?.tagName.toLowerCase(), `${code} #${id}`).toBe("section");
        expect(elements(section!, "h2")).toHaveLength(1);
      }
      const svgs = parseSvgs(html);
      // Profiles, network, interaction value, and the two lines of the history.
      expect(svgs.length, code).toBe(5);
      for (const svg of svgs) {
        expect(svg.namespaceURI).toBe("http://www.w3.org/2000/svg");
        expect(elements(svg, "title").length).toBeGreaterThan(0);
        expect(svg.getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
      }
      const network = svgs.find((s) => s.getAttribute("class") === "network")!;
      expect(elements(network, "circle").length + elements(network, "rect").length).toBeGreaterThanOrEqual(data!.ecosystem.network.nodes.length);
      expect(html).not.toMatch(/NaN|Infinity|undefined|\[object /);
      // Offline: nothing to fetch, nothing to run.
      expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);

      const personal = await personalDataOf(data!.ecosystem.network.nodes.map((n) => n.id));
      const text = document.documentElement!.textContent ?? "";
      for (const value of personal) {
        expect(html.includes(value) || text.includes(value), `${code}: ${value}`).toBe(false);
        personsChecked += 1;
      }
    }
    // The demo gives every catalyst a contact person: the check above really looked at some.
    expect(personsChecked).toBeGreaterThan(100);
  }, 1_200_000);

  it("agrees with the API for the same territory: maturity level, bridge actors, profile counts", async () => {
    for (const code of codes) {
      const answer = await api.gql(
        `query ($code: String!) { ecosystem(territoryCode: $code) { id maturity { level } actorsByProfile { profile count } } }`,
        { code },
        "ANONYMOUS",
      );
      const ecosystem = answer.data.ecosystem;
      const bridges = await api.gql(
        `query ($id: ID!) { bridgeActors(scope: { ecosystem: $id }, first: 5) { score actor { name } } }`,
        { id: ecosystem.id },
        "ANONYMOUS",
      );
      const { document } = parseReport(rendered.get(code)!);

      expect(
        withAttribute(byId(document, "maturity")!, "data-level").map((e) => Number(e.getAttribute("data-level"))),
        code,
      ).toEqual([ecosystem.maturity.level]);
      const counts = withAttribute(byId(document, "profiles")!, "data-profile").map((e) => ({
        profile: e.getAttribute("data-profile"),
        count: Number(e.getAttribute("data-count")),
      }));
      expect(counts, code).toEqual(ecosystem.actorsByProfile);
      const names = withAttribute(byId(document, "bridges")!, "data-rank").map(
        (row) => elements(row, "span").find((s) => s.getAttribute("class") === "actor-name")!.textContent,
      );
      expect(names, code).toEqual(
        bridges.data.bridgeActors.filter((b: { score: number }) => b.score > 0).map((b: { actor: { name: string } }) => b.actor.name),
      );
    }
  }, 600_000);

  it("says the same in English, with the same figures, and draws the same network on every run", async () => {
    for (const code of codes.slice(0, 4)) {
      const data = await gatherReport(deps, code, "en");
      const html = renderHtml(data!, { language: "en" });
      fs.writeFileSync(path.join(OUT, `maillage-${code}-en.html`), html);
      const english = parseReport(html).document;
      const french = parseReport(rendered.get(code)!).document;
      expect(english.documentElement!.getAttribute("lang")).toBe("en");
      expect(elements(byId(english, "profiles")!, "h2")[0]!.textContent).toBe("Balance of profiles");
      expect(elements(byId(french, "profiles")!, "h2")[0]!.textContent).toBe("Équilibre des profils");
      const figures = (d: typeof english) =>
        withAttribute(d, "data-level")
          .map((e) => e.getAttribute("data-level"))
          .concat(withAttribute(d, "data-count").map((e) => e.getAttribute("data-count")));
      expect(figures(english)).toEqual(figures(french));
      // Same network, same drawing, whatever the language: the layout is seeded. Words aside,
      // the French and English drawings, rendered separately, are the same shapes.
      const shapes = (h: string) => /<svg[^>]*class="network"[\s\S]*?<\/svg>/.exec(h)![0].replace(/<title>[^<]*<\/title>|<text[^>]*>[^<]*<\/text>/g, "");
      expect(shapes(html)).toBe(shapes(rendered.get(code)!));
      expect(shapes(html)).toMatch(/<circle cx="[\d.]+" cy="[\d.]+"/);
    }
  }, 300_000);
});

describe("GET /report/<territory code>", () => {
  const get = (pathAndQuery: string, yoga = api.yoga) => yoga.fetch(`http://maillage.test${pathAndQuery}`);

  it("answers the notebook in HTML, French by default, English on request", async () => {
    const code = codes[0]!;
    const french = await get(`/report/${code}`);
    expect(french.status).toBe(200);
    expect(french.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await french.text()).toContain('<html lang="fr">');
    const english = await get(`/report/${code}?lang=en&format=html`);
    expect(english.status).toBe(200);
    expect(await english.text()).toContain('<html lang="en">');
  });

  it("answers 400 for bad parameters and 404 for a territory without an ecosystem", async () => {
    const code = codes[0]!;
    for (const bad of [
      `/report/${code}?lang=de`,
      `/report/${code}?format=docx`,
      `/report/${code}?colour=red`,
      `/report/${encodeURIComponent("<x>")}`,
      "/report/",
      "/report/%E0%A4%A",
    ]) {
      const response = await get(bad);
      expect(response.status, bad).toBe(400);
      expect(await response.json()).toHaveProperty("error");
    }
    // A code no territory has, and a région (a real territory, without an ecosystem).
    for (const missing of ["/report/999999999", "/report/84"]) {
      const response = await get(missing);
      expect(response.status, missing).toBe(404);
      expect((await response.json()).error).toContain("no ecosystem");
    }
  });

  it.runIf(CHROMIUM)(
    "prints a PDF through Chromium, with pages",
    async () => {
      const code = codes[0]!;
      const response = await get(`/report/${code}?format=pdf&lang=en`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toContain(`maillage-${code}-en.pdf`);
      const pdf = Buffer.from(await response.arrayBuffer());
      fs.writeFileSync(path.join(OUT, `maillage-${code}-en.pdf`), pdf);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(5);
    },
    180_000,
  );

  it("answers 503 for a PDF when Chromium is missing, and still serves the HTML", async () => {
    const plugin = report({ db: api.db, graph: api.graph, logger: createLogger("silent"), printer: { executablePath: "/nonexistent/chromium" } });
    const yoga = createYoga({ schema, plugins: [plugin], logging: false });
    const code = codes[0]!;
    const pdf = await get(`/report/${code}?format=pdf`, yoga as never);
    expect(pdf.status).toBe(503);
    expect((await pdf.json()).error).toContain("format=html");
    expect((await get(`/report/${code}`, yoga as never)).status).toBe(200);
    await yoga.dispose();
  });
});

describe("names from the record", () => {
  it("are escaped: an actor named with markup shows as text and opens no tag", async () => {
    const code = codes[1]!;
    const { data } = await api.gql(`query ($code: String!) { ecosystem(territoryCode: $code) { territory { id } } }`, { code });
    const name = `Café <script>alert("x")</script> & l'Atelier`;
    const created = await api.gql(
      `mutation ($input: CreateActorInput!) { createActor(input: $input) { __typename ... on CreateActorSuccess { actor { id } } } }`,
      { input: { name, kind: "ASSOCIATION", territories: [data.ecosystem.territory.id] } },
      "EDITOR",
    );
    expect(created.data.createActor.__typename).toBe("CreateActorSuccess");
    await api.graph.catchUp();
    const html = await (await api.yoga.fetch(`http://maillage.test/report/${code}`)).text();
    expect(html).not.toContain("<script");
    expect(html).toContain("Café &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#39;Atelier");
    const { document, problems } = parseReport(html);
    expect(problems).toEqual([]);
    // The new actor has no tie yet: it is among the isolated actors, by its name as written.
    expect(byId(document, "gaps")!.textContent).toContain(name);
  });
});
