/** What a progress display needs of a stream: a terminal redraws one line, a log gets lines. */
interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const LINE_EVERY_MS = 5_000;
const BAR_WIDTH = 30;

/**
 * The import's progress on stderr: a bar redrawn in place on a terminal; otherwise (a pipe, a CI
 * log) a line every few seconds and one when a section ends, so logs stay readable.
 */
export function progressReporter(stream: ProgressStream, now: () => number = Date.now) {
  let lastLine = 0;
  let drawn = false;
  return {
    update: ({ type, done, total }: { type: string; done: number; total: number }) => {
      const share = total === 0 ? 1 : done / total;
      const counts = `${type} ${done.toLocaleString("en")}/${total.toLocaleString("en")} rows`;
      if (stream.isTTY) {
        const filled = Math.round(share * BAR_WIDTH);
        stream.write(`\r[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${counts}\x1b[K`);
        drawn = true;
      } else if (total > 0 && (done === total || now() - lastLine >= LINE_EVERY_MS)) {
        if (done === 0) lastLine = now();
        else {
          stream.write(`import: ${counts} (${Math.round(share * 100)}%)\n`);
          lastLine = now();
        }
      }
    },
    done: () => {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
