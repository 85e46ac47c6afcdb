import type { Prisma } from "../../record/generated/prisma/client.js";
import type { Fund } from "../../record/generated/prisma/enums.js";
import type { Cast, CastMember, EcosystemCast } from "./actors.js";
import { addDays, day, type Random } from "./random.js";

/** Paid 92 days into the accompaniment: within 2024 exactly for ecosystems accompanied by 30 September. */
const ENGINEERING_DELAY_DAYS = 92;
const ENGINEERING_GRANT = 15_000;
const INNOVATION_INVESTMENT = 50_000;
const INNOVATION_INVESTMENTS = 6;
const EQUITY_TICKET = 25_000;
const DIGITAL_TICKET = 15_000;

/**
 * The programme's money, shaped after the study's figures: 15 k€ engineering fund per ecosystem,
 * six 50 k€ partnership-innovation investments, and in 2024 200 k€ of equity (8 x 25 k€) and
 * 330 k€ of digital solutions (22 x 15 k€), with a few more of each afterwards.
 */
export function buildFundings(cast: Cast, rng: Random): Prisma.FundingCreateManyInput[] {
  const rows: Prisma.FundingCreateManyInput[] = [];
  const add = (fund: Fund, amountEuros: number, date: Date, eco: EcosystemCast, recipient: CastMember) =>
    rows.push({ id: rows.length + 1, fund, amountEuros, date, ecosystemId: eco.plan.id, recipientActorId: recipient.id, source: "demo" });

  for (const eco of cast.ecosystems)
    add("TERRITORIAL_ENGINEERING", ENGINEERING_GRANT, addDays(eco.plan.accompaniedSince, ENGINEERING_DELAY_DAYS), eco, eco.pivot);

  // Innovation investments go where the need is to invest or invent: level 4 first, then level 3.
  const byLevel = rng.shuffle([...cast.ecosystems]).sort((a, b) => b.plan.level - a.plan.level);
  for (const eco of byLevel.slice(0, INNOVATION_INVESTMENTS)) {
    add("PARTNERSHIP_INNOVATION", INNOVATION_INVESTMENT, rng.dateBetween(day(2025, 2, 1), day(2025, 12, 15)), eco, economicActor(eco, rng) ?? eco.pivot);
  }

  // Equity backs small and medium economic innovations (level 2 and above).
  const startedEarly = cast.ecosystems.filter((e) => e.plan.accompaniedSince.getTime() <= day(2024, 11, 15).getTime());
  const equityPool = startedEarly.filter((e) => e.plan.level >= 2);
  for (let i = 0; i < 8; i++) {
    const eco = rng.pick(equityPool);
    add("EQUITY", EQUITY_TICKET, rng.dateBetween(addDays(eco.plan.accompaniedSince, 30), day(2024, 12, 20)), eco, economicActor(eco, rng) ?? eco.pivot);
  }
  for (let i = 0; i < 6; i++) {
    const eco = rng.pick(cast.ecosystems.filter((e) => e.plan.level >= 2));
    add("EQUITY", EQUITY_TICKET, rng.dateBetween(day(2025, 1, 15), day(2026, 10, 31)), eco, economicActor(eco, rng) ?? eco.pivot);
  }

  // Digital solutions equip catalysts.
  for (let i = 0; i < 22; i++) {
    const eco = rng.pick(startedEarly);
    add("DIGITAL_SOLUTIONS", DIGITAL_TICKET, rng.dateBetween(addDays(eco.plan.accompaniedSince, 30), day(2024, 12, 20)), eco, rng.pick(eco.catalysts));
  }
  for (let i = 0; i < 20; i++) {
    const eco = rng.pick(cast.ecosystems);
    add("DIGITAL_SOLUTIONS", DIGITAL_TICKET, rng.dateBetween(day(2025, 1, 15), day(2026, 10, 31)), eco, rng.pick(eco.catalysts));
  }
  return rows;
}

function economicActor(eco: EcosystemCast, rng: Random): CastMember | undefined {
  const candidates = eco.members.filter((m) => m.profile === "ECONOMIC" && m.fitness > 0);
  return candidates.length > 0 ? rng.pick(candidates) : undefined;
}
