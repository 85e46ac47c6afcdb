/**
 * Prints notebooks to PDF with headless Chromium (Debian's, driven by playwright-core): one
 * browser launched on the first request and reused, a bounded number of pages printing at once
 * (each costs a renderer process), and `close()` at shutdown. Without Chromium, printing fails
 * with PdfUnavailableError and the HTML notebook still works.
 */
import fs from "node:fs";
import type { Browser } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export class PdfUnavailableError extends Error {
  constructor(reason: string) {
    super(`report/pdf: PDF printing is unavailable: ${reason}`);
  }
}

export interface PdfPrinterOptions {
  /** @default CHROMIUM_PATH */
  executablePath?: string;
  /** Pages printing at once; the others wait their turn. @default 2 */
  concurrency?: number;
  /** Longest one print may take. @default 60000 */
  timeoutMs?: number;
}

export class PdfPrinter {
  private browser: Promise<Browser> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;
  private readonly executablePath: string;
  private readonly concurrency: number;
  private readonly timeoutMs: number;

  constructor(options: PdfPrinterOptions = {}) {
    this.executablePath = options.executablePath ?? CHROMIUM_PATH;
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** Whether a browser can be started here at all (the executable exists). */
  available(): boolean {
    return fs.existsSync(this.executablePath);
  }

  async print(html: string): Promise<Buffer> {
    if (this.closed) throw new PdfUnavailableError("the printer is closed");
    await this.acquire();
    try {
      const browser = await this.launch();
      const page = await browser.newPage();
      try {
        page.setDefaultTimeout(this.timeoutMs);
        // The notebook loads nothing: no request may leave the page.
        await page.route("**/*", (route) => route.abort());
        await page.setContent(html, { waitUntil: "load" });
        return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
      } finally {
        await page.close().catch(() => {});
      }
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = null;
    if (browser) await browser.then((b) => b.close()).catch(() => {});
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      if (!this.available()) throw new PdfUnavailableError(`no Chromium at ${this.executablePath} (apt-get install chromium)`);
      const launching: Promise<Browser> = import("playwright-core")
        .then(({ chromium }) => chromium.launch({ executablePath: this.executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu"] }))
        .then((browser) => {
          // A browser that dies (killed, crashed) is launched again on the next print.
          browser.on("disconnected", () => {
            if (this.browser === launching) this.browser = null;
          });
          return browser;
        })
        .catch((error: unknown) => {
          if (this.browser === launching) this.browser = null;
          throw new PdfUnavailableError((error as Error).message.split("\n")[0] ?? "Chromium did not start");
        });
      this.browser = launching;
    }
    return this.browser;
  }

  private acquire(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
