import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs. Personal data never reaches them: request bodies and variables are not
 * logged, and the redaction below catches the fields that could carry a person's contacts.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "maillage" },
    redact: { paths: ["*.email", "*.phone", "*.authorization", "req.headers.authorization"], censor: "[redacted]" },
  });
}
