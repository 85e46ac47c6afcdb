/** Loading and error blocks shared by the views. */
import { ApiError } from "../api/client.ts";
import { t } from "../i18n/lang.ts";
import { h } from "./dom.ts";

export function loadingBlock(): HTMLElement {
  return h("div", { class: "status", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), t().loading);
}

export function errorBlock(error: unknown, retry?: () => void): HTMLElement {
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return h(
    "div",
    { class: "status status-error", role: "alert" },
    h("strong", null, t().errorTitle),
    h("span", null, message),
    retry ? h("button", { type: "button", class: "button", onclick: retry }, t().retry) : null,
  );
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
