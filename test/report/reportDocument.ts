import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

/** Parses a notebook as HTML, collecting every error and warning the parser reports. */
export function parseReport(html: string): { document: Document; problems: string[] } {
  const problems: string[] = [];
  const document = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(html, "text/html");
  return { document, problems };
}

/** Every inline <svg> of the notebook, parsed on its own as strict XML: any error throws. */
export function parseSvgs(html: string): Element[] {
  return [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map(([source]) => {
    const svg = new DOMParser({
      onError: (level, message) => {
        throw new Error(`SVG ${level}: ${message}\n${source.slice(0, 200)}`);
      },
    }).parseFromString(source, "image/svg+xml");
    return svg.documentElement!;
  });
}

export function byId(document: Document, id: string): Element | null {
  return elements(document, "*").find((e) => e.getAttribute("id") === id) ?? null;
}

export function elements(root: Document | Element, tag: string): Element[] {
  return Array.from(root.getElementsByTagName(tag) as unknown as ArrayLike<Element>);
}

/** Elements under `root` carrying attribute `name`. */
export function withAttribute(root: Document | Element, name: string): Element[] {
  return elements(root, "*").filter((e) => e.hasAttribute(name));
}
