import { InputValidationError } from "@pothos/plugin-validation";
import { builder } from "./builder.js";
import { BaseError, ConflictError, ERROR_CODES, ForbiddenError, InvalidInputError, NotFoundError } from "../record/errors.js";

const ErrorInterface = builder.interfaceRef<Error & { code?: string }>("Error").implement({
  description: "An expected failure. Branch on `code`; `message` is for people.",
  fields: (t) => ({
    message: t.exposeString("message"),
    code: t.string({ resolve: (error) => error.code ?? ERROR_CODES.invalidInput }),
  }),
});

builder.objectType(BaseError, { name: "BaseError", interfaces: [ErrorInterface] });

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ type: t.exposeString("type"), id: t.exposeString("id") }),
});

builder.objectType(ConflictError, { name: "ConflictError", interfaces: [ErrorInterface] });
builder.objectType(ForbiddenError, { name: "ForbiddenError", interfaces: [ErrorInterface] });

const InputIssue = builder.objectRef<{ message: string; path: string[] }>("InputIssue").implement({
  fields: (t) => ({ message: t.exposeString("message"), path: t.exposeStringList("path") }),
});

builder.objectType(InputValidationError, {
  name: "InputValidationError",
  description: "The input breaks a validation rule; `issues` names each field at fault.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({
      type: [InputIssue],
      resolve: (error) =>
        error.issues.map((issue) => ({
          message: issue.message,
          path: (issue.path ?? []).map((part) => String(typeof part === "object" ? part.key : part)),
        })),
    }),
  }),
});

builder.objectType(InvalidInputError, {
  name: "InvalidInputError",
  description: "The input is well-formed but breaks a rule of the record.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ path: t.exposeStringList("path") }),
});

/** The errors every mutation can answer with, besides the BaseError default. */
export const MUTATION_ERRORS = [InputValidationError, InvalidInputError, NotFoundError, ConflictError, ForbiddenError];
