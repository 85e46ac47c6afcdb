import type { PrismaClient } from "../generated/prisma/client.js";
import { TerritoryLevel } from "../generated/prisma/enums.js";

/**
 * How rows name other records. An actor: by its id in this import's source, its SIREN or its RNA
 * number; an alliance: by its id in this source; a territory: by its official code (INSEE or
 * SIREN), `LEVEL:code` where a code is shared by two levels (région 01 and département 01).
 * Each is looked up in the file first (rows of this import that passed validation), then in the
 * record; a reference to a row of the file that is not in the record yet stays symbolic until
 * that row is written.
 */
export type RecordRef = number | { file: string };

/** What a lookup answers: the record, or why not. */
export type Lookup = { ref: RecordRef } | { problem: string };

const CHUNK = 5_000;
const SIREN = /^\d{9}$/;
const RNA = /^W\d{9}$/i;

interface FileActor {
  externalId: string;
  siren?: string | undefined;
  rna?: string | undefined;
}

export class References {
  private readonly territoryByKey = new Map<string, number>();
  private readonly territoriesByCode = new Map<string, { level: string; id: number }[]>();
  private readonly actorByExternalId = new Map<string, number>();
  private readonly actorBySiren = new Map<string, number>();
  private readonly actorByRna = new Map<string, number>();
  private readonly allianceByExternalId = new Map<string, number>();
  /** Valid rows of this file, by the external id they will be recorded under. */
  private readonly fileActors = new Map<string, FileActor>();
  private readonly fileActorBySiren = new Map<string, string>();
  private readonly fileActorByRna = new Map<string, string>();
  private readonly fileAlliances = new Set<string>();
  /** Rows of this file that were rejected, so a reference to one says so. */
  readonly rejected = new Map<string, string>();

  constructor(
    private readonly prisma: PrismaClient,
    readonly source: string,
  ) {}

  async loadTerritories(): Promise<void> {
    if (this.territoryByKey.size > 0) return;
    for (const t of await this.prisma.territory.findMany({ select: { id: true, level: true, code: true } })) {
      this.territoryByKey.set(`${t.level}:${t.code}`, t.id);
      const same = this.territoriesByCode.get(t.code) ?? [];
      same.push({ level: t.level, id: t.id });
      this.territoriesByCode.set(t.code, same);
    }
  }

  /** Loads the record's actors that `refs` may name: in one query per chunk, not one per row. */
  async loadActors(refs: Iterable<string>): Promise<void> {
    const all = [...new Set(refs)];
    const sirens = all.filter((r) => SIREN.test(r));
    const rnas = all.filter((r) => RNA.test(r)).map((r) => r.toUpperCase());
    for (let i = 0; i < all.length; i += CHUNK) {
      const rows = await this.prisma.actor.findMany({
        where: { source: this.source, externalId: { in: all.slice(i, i + CHUNK) } },
        select: { id: true, externalId: true },
      });
      for (const row of rows) this.actorByExternalId.set(row.externalId!, row.id);
    }
    for (let i = 0; i < sirens.length; i += CHUNK) {
      const rows = await this.prisma.actor.findMany({ where: { siren: { in: sirens.slice(i, i + CHUNK) } }, select: { id: true, siren: true } });
      for (const row of rows) this.actorBySiren.set(row.siren!, row.id);
    }
    for (let i = 0; i < rnas.length; i += CHUNK) {
      const rows = await this.prisma.actor.findMany({ where: { rna: { in: rnas.slice(i, i + CHUNK) } }, select: { id: true, rna: true } });
      for (const row of rows) this.actorByRna.set(row.rna!, row.id);
    }
  }

  async loadAlliances(refs: Iterable<string>): Promise<void> {
    const all = [...new Set(refs)];
    for (let i = 0; i < all.length; i += CHUNK) {
      const rows = await this.prisma.alliance.findMany({
        where: { source: this.source, externalId: { in: all.slice(i, i + CHUNK) } },
        select: { id: true, externalId: true },
      });
      for (const row of rows) this.allianceByExternalId.set(row.externalId!, row.id);
    }
  }

  addFileActor(actor: FileActor): void {
    this.fileActors.set(actor.externalId, actor);
    if (actor.siren) this.fileActorBySiren.set(actor.siren, actor.externalId);
    if (actor.rna) this.fileActorByRna.set(actor.rna, actor.externalId);
  }

  addFileAlliance(externalId: string): void {
    this.fileAlliances.add(externalId);
  }

  territory(ref: string): Lookup {
    const qualified = /^([A-Za-z]+):(.+)$/.exec(ref);
    if (qualified) {
      const level = qualified[1]!.toUpperCase();
      if (!(level in TerritoryLevel)) return { problem: `unknown territory level ${qualified[1]}: expected ${Object.keys(TerritoryLevel).join(", ")}` };
      const id = this.territoryByKey.get(`${level}:${qualified[2]}`);
      return id === undefined ? { problem: `no ${level} territory has the code ${qualified[2]}` } : { ref: id };
    }
    const candidates = this.territoriesByCode.get(ref) ?? [];
    if (candidates.length === 1) return { ref: candidates[0]!.id };
    if (candidates.length === 0) return { problem: `no territory has the code ${ref} (an INSEE code, or the SIREN of an EPCI)` };
    const levels = candidates.map((c) => c.level);
    return { problem: `the code ${ref} names a ${levels.join(" and a ")}: write ${levels.map((l) => `${l}:${ref}`).join(" or ")}` };
  }

  actor(ref: string): Lookup {
    const inFile = this.fileActors.has(ref)
      ? ref
      : SIREN.test(ref)
        ? this.fileActorBySiren.get(ref)
        : RNA.test(ref)
          ? this.fileActorByRna.get(ref.toUpperCase())
          : undefined;
    if (inFile !== undefined) return { ref: this.actorByExternalId.get(inFile) ?? { file: inFile } };
    const id =
      this.actorByExternalId.get(ref) ?? (SIREN.test(ref) ? this.actorBySiren.get(ref) : RNA.test(ref) ? this.actorByRna.get(ref.toUpperCase()) : undefined);
    if (id !== undefined) return { ref: id };
    const rejected = this.rejected.get(`actors:${ref}`);
    if (rejected) return { problem: `actor ${ref} is on a rejected row (${rejected})` };
    return { problem: `unknown actor ${ref}: no actor has this id in source ${this.source}, nor this SIREN or RNA number` };
  }

  alliance(ref: string): Lookup {
    if (this.fileAlliances.has(ref)) return { ref: this.allianceByExternalId.get(ref) ?? { file: ref } };
    const id = this.allianceByExternalId.get(ref);
    if (id !== undefined) return { ref: id };
    const rejected = this.rejected.get(`alliances:${ref}`);
    if (rejected) return { problem: `alliance ${ref} is on a rejected row (${rejected})` };
    return { problem: `unknown alliance ${ref}: no alliance has this id in source ${this.source}` };
  }
}

/** A reference's identity, to tell whether two references name the same record. */
export function refKey(ref: RecordRef): string {
  return typeof ref === "number" ? `#${ref}` : `file:${ref.file}`;
}
