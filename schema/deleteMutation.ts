import type { Tx } from "../record/write.js";
import { builder } from "./builder.js";
import { MUTATION_ERRORS } from "./errorTypes.js";
import { recordId } from "./ids.js";
import { write } from "./write.js";

type GlobalIdFor = Parameters<Parameters<Parameters<typeof builder.mutationField>[1]>[0]["arg"]["globalID"]>[0];

/**
 * Adds `delete<Type>(id)`: an admin deletes a record through its write service and is answered
 * the deleted record's global id or a typed error. Every record type deletes alike, so the field
 * is declared once here; the service holds what deleting that type means.
 */
export function deleteMutation(
  type: string,
  ref: NonNullable<NonNullable<GlobalIdFor>["for"]>,
  remove: (tx: Tx, id: number) => Promise<void>,
  description?: string,
): void {
  builder.mutationField(`delete${type}`, (t) =>
    t.globalID({
      authScopes: { admin: true },
      description,
      errors: { types: MUTATION_ERRORS, dataField: { name: "deletedId" } },
      args: { id: t.arg.globalID({ for: ref, required: true }) },
      resolve: async (_root, args, ctx) => {
        const id = recordId(args.id);
        await write(ctx, { operation: `delete${type}`, recordType: type, recordId: id }, (tx) => remove(tx, id));
        return { type, id };
      },
    }),
  );
}
