import { encodeGlobalID } from "@pothos/plugin-relay";
import fc from "fast-check";
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from "graphql";

/**
 * Inputs generated from the schema itself. Each field is mostly plausible (so calls get past
 * coercion and exercise the resolvers, the database and the engine) and sometimes hostile: huge
 * or odd strings, out-of-range numbers, impossible days, unknown or mistyped ids, duplicates,
 * nulls where a value is required, unexpected fields.
 */
const HOSTILE = 0.07;

const hostileStrings = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom("", " ", "\u0000", "\u202e", "😀".repeat(300), "x".repeat(100_000), '\'; DROP TABLE "Actor"; --', "<script>alert(1)</script>", "2024-02-30"),
);

const plausible: Record<string, fc.Arbitrary<unknown>> = {
  String: fc.oneof(
    fc.constantFrom("Atelier partagé", "Coopérative du Val", "https://exemple.org", "552100554", "55210055400017", "W123456789", "Animatrice"),
    fc.string({ minLength: 1, maxLength: 40 }),
  ),
  Int: fc.integer({ min: 0, max: 5 }),
  Float: fc.double({ min: 0, max: 2, noNaN: true }),
  Boolean: fc.boolean(),
  Date: fc.date({ min: new Date("2019-01-01"), max: new Date("2026-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  DateTime: fc.date({ min: new Date("2019-01-01"), max: new Date("2026-12-31"), noInvalidDate: true }).map((d) => d.toISOString()),
};

const hostile: Record<string, fc.Arbitrary<unknown>> = {
  String: hostileStrings,
  Int: fc.oneof(fc.constantFrom(-1, 9, 2 ** 31 - 1, -(2 ** 31), 1_000_000_001), fc.double(), fc.string()),
  Float: fc.oneof(fc.constantFrom(-1, 1e308), fc.string()),
  Boolean: fc.constantFrom("true", 1),
  Date: fc.oneof(fc.constantFrom("1800-01-01", "2999-12-31", "2024-13-01", "yesterday"), hostileStrings),
  DateTime: hostileStrings,
};

/** Known ids by type, and which type a field (or a mutation's `id`) names. */
export type IdPool = Record<string, string[]>;

const TYPE_OF_FIELD: Record<string, string> = {
  territories: "Territory",
  territory: "Territory",
  actor: "Actor",
  participants: "Actor",
  participant: "Actor",
  member: "Actor",
  declaredBy: "Actor",
  recipient: "Actor",
  alliance: "Alliance",
  ecosystem: "Ecosystem",
};

function idArbitrary(pool: IdPool, type: string | undefined): fc.Arbitrary<unknown> {
  const right = type && pool[type]?.length ? fc.constantFrom(...pool[type]!) : fc.constantFrom(...Object.values(pool).flat());
  return fc.oneof(
    { weight: Math.round((1 - HOSTILE) * 100), arbitrary: right },
    {
      weight: Math.round(HOSTILE * 100),
      arbitrary: fc.oneof(
        fc.constantFrom(...Object.values(pool).flat()),
        fc.constantFrom(encodeGlobalID(type ?? "Actor", "999999999"), encodeGlobalID("Actor", "-1"), encodeGlobalID("Nope", "1"), "not-base64", ""),
        hostileStrings,
      ),
    },
  );
}

function sometimes<T>(value: fc.Arbitrary<T>, other: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: Math.round((1 - HOSTILE) * 100), arbitrary: value }, { weight: Math.round(HOSTILE * 100), arbitrary: other });
}

export function inputArbitrary(type: GraphQLInputType, pool: IdPool, idType?: string, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return sometimes(inputArbitrary(type.ofType, pool, idType, depth), fc.constant(null));
  if (isListType(type)) {
    const item = inputArbitrary(type.ofType, pool, idType, depth + 1);
    // Duplicates matter (an actor twice in an alliance): now and then repeat a drawn item.
    const distinctish = fc.array(item, { minLength: 1, maxLength: 4 });
    return sometimes(
      distinctish,
      fc.oneof(
        fc.constant([]),
        fc.constant(null),
        distinctish.map((items) => [...items, items[0]]),
      ),
    );
  }
  const named = getNamedType(type);
  if (isEnumType(named)) return sometimes(fc.constantFrom(...named.getValues().map((v) => v.name)), hostileStrings);
  if (isScalarType(named)) {
    if (named.name === "ID") return idArbitrary(pool, idType);
    return sometimes(plausible[named.name] ?? hostileStrings, hostile[named.name] ?? hostileStrings);
  }
  if (isInputObjectType(named) && depth <= 3) {
    const fields = Object.values(named.getFields());
    const record = fc.record(Object.fromEntries(fields.map((f) => [f.name, inputArbitrary(f.type, pool, TYPE_OF_FIELD[f.name], depth + 1)])), {
      requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
    return sometimes(
      record,
      record.map((r) => ({ ...r, unexpected: "field" })),
    );
  }
  return fc.constant(null);
}
