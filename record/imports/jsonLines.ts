/**
 * The line each element of a JSON array starts on: the top-level array, or the array under a
 * top-level key (a bundle's section). JSON.parse keeps no positions, and a rejected record is
 * only useful to a person when it says where it is in the file. Call it on text JSON.parse has
 * accepted: it follows strings and nesting, not the whole grammar.
 */
export function jsonElementLines(text: string, section: string | null): number[] {
  const lines: number[] = [];
  const stack: string[] = [];
  let line = 1;
  let targetDepth = -1;
  let expectingElement = false;
  let lastString = "";
  let key: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === "\n") {
      line += 1;
      continue;
    }
    if (char === " " || char === "\t" || char === "\r") continue;
    if (expectingElement && stack.length === targetDepth && char !== "]") {
      lines.push(line);
      expectingElement = false;
    }
    if (char === '"') {
      const start = i;
      for (i += 1; i < text.length && text[i] !== '"'; i += 1) if (text[i] === "\\") i += 1;
      if (stack.length === 1 && stack[0] === "{") lastString = JSON.parse(text.slice(start, i + 1)) as string;
      continue;
    }
    if (char === ":" && stack.length === 1) key = lastString;
    else if (char === "{" || char === "[") {
      stack.push(char);
      const isTarget = char === "[" && (section === null ? stack.length === 1 : stack.length === 2 && stack[0] === "{" && key === section);
      if (isTarget) {
        targetDepth = stack.length;
        expectingElement = true;
      }
    } else if (char === "}" || char === "]") {
      if (stack.length === targetDepth) targetDepth = -1;
      stack.pop();
    } else if (char === "," && stack.length === targetDepth) expectingElement = true;
  }
  return lines;
}

/** The line of a character offset, for JSON.parse's "at position N" messages. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(offset, text.length); i += 1) if (text[i] === "\n") line += 1;
  return line;
}
