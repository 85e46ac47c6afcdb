import { encodeGlobalID } from "@pothos/plugin-relay";

/**
 * Expected failures: the record's services throw them, and the API types them through the errors
 * plugin (schema/errorTypes.ts). Every code lives in this one catalogue as `domain/reason`;
 * clients branch on `code`, never on `message`.
 */
export const ERROR_CODES = {
  notFound: "record/not-found",
  conflict: "record/conflict",
  forbidden: "auth/forbidden",
  invalidInput: "input/invalid",
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export class BaseError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A record named by the input does not exist (or is not visible to the viewer). */
export class NotFoundError extends BaseError {
  /** The global id of the missing record, as clients know it. */
  readonly id: string;

  constructor(
    readonly type: string,
    recordId: string | number,
  ) {
    const id = encodeGlobalID(type, String(recordId));
    super(`${type} ${id} does not exist.`, ERROR_CODES.notFound);
    this.id = id;
  }
}

/** The write would break a uniqueness or consistency rule of the record. */
export class ConflictError extends BaseError {
  constructor(message: string) {
    super(message, ERROR_CODES.conflict);
  }
}

export class ForbiddenError extends BaseError {
  constructor(message = "Your role does not allow this operation.") {
    super(message, ERROR_CODES.forbidden);
  }
}

/** Input that passed the schema's zod checks but breaks a rule only the record can check. */
export class InvalidInputError extends BaseError {
  constructor(
    message: string,
    readonly path: string[],
  ) {
    super(message, ERROR_CODES.invalidInput);
  }
}
