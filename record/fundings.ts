import { InvalidInputError, NotFoundError } from "./errors.js";
import type { Fund } from "./generated/prisma/enums.js";
import type { Tx } from "./write.js";

/**
 * The funding's write service: a funding always goes somewhere, whatever links a write sets or
 * clears. Each function runs inside the caller's transaction (record/write.ts). No outbox event:
 * the graph engines do not read fundings.
 */

/** The rule's words, for the API's input checks (schema/funding.ts) and the service alike. */
export const GOES_SOMEWHERE = "a funding goes to an ecosystem, a recipient actor, or both";

export interface FundingInput {
  fund: Fund;
  amountEuros: number;
  date: Date;
  /** Record ids of where the money goes: an ecosystem, an actor, or both. */
  ecosystem?: number | null;
  recipient?: number | null;
}

/** Fields left out (undefined) keep their value; null unlinks the ecosystem or the recipient, not both. */
export type FundingChanges = { [K in keyof FundingInput]?: FundingInput[K] | null };

export async function createFunding(tx: Tx, input: FundingInput): Promise<number> {
  const ecosystemId = (await requireEcosystem(tx, input.ecosystem)) ?? null;
  const recipientActorId = (await requireRecipient(tx, input.recipient)) ?? null;
  if (ecosystemId === null && recipientActorId === null) throw new InvalidInputError(GOES_SOMEWHERE, ["input", "ecosystem"]);
  const { id } = await tx.funding.create({
    data: { fund: input.fund, amountEuros: input.amountEuros, date: input.date, ecosystemId, recipientActorId },
    select: { id: true },
  });
  return id;
}

export async function updateFunding(tx: Tx, id: number, changes: FundingChanges): Promise<void> {
  const current = await tx.funding.findUnique({ where: { id }, select: { ecosystemId: true, recipientActorId: true } });
  if (!current) throw new NotFoundError("Funding", id);
  const ecosystemId = await requireEcosystem(tx, changes.ecosystem);
  const recipientActorId = await requireRecipient(tx, changes.recipient);
  // Clearing one link is fine as long as the other one is kept or set.
  if (
    (ecosystemId === undefined ? current.ecosystemId : ecosystemId) === null &&
    (recipientActorId === undefined ? current.recipientActorId : recipientActorId) === null
  ) {
    throw new InvalidInputError(GOES_SOMEWHERE, ["input", changes.ecosystem === null ? "ecosystem" : "recipient"]);
  }
  await tx.funding.update({
    where: { id },
    data: { fund: changes.fund ?? undefined, amountEuros: changes.amountEuros ?? undefined, date: changes.date ?? undefined, ecosystemId, recipientActorId },
    select: { id: true },
  });
}

export async function deleteFunding(tx: Tx, id: number): Promise<void> {
  const { count } = await tx.funding.deleteMany({ where: { id } });
  if (count === 0) throw new NotFoundError("Funding", id);
}

/** The ecosystem's id to write: undefined keeps it, null unlinks, an id must exist. */
async function requireEcosystem(tx: Tx, id: number | null | undefined) {
  if (id == null) return id;
  if (!(await tx.ecosystem.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("Ecosystem", id);
  return id;
}

/** The recipient actor's id to write: undefined keeps it, null unlinks, an id must exist. */
async function requireRecipient(tx: Tx, id: number | null | undefined) {
  if (id == null) return id;
  if (!(await tx.actor.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("Actor", id);
  return id;
}
