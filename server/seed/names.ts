import type { ActorKind } from "../../record/generated/prisma/enums.js";
import type { Random } from "./random.js";

// French-looking names for fictional organisations and people, assembled from word lists. Place
// names come from the anchor territory's real communes; everything else is invented.

const NOUNS = [
  "Ateliers",
  "Jardins",
  "Chemins",
  "Récoltes",
  "Passerelles",
  "Racines",
  "Saisons",
  "Ressources",
  "Ponts",
  "Sentiers",
  "Fabriques",
  "Halles",
  "Rives",
  "Graines",
  "Liens",
  "Vergers",
];
const PLACES = [
  "du Val",
  "des Coteaux",
  "du Bocage",
  "de la Vallée",
  "des Deux Rives",
  "du Plateau",
  "de l'Estuaire",
  "des Collines",
  "du Marais",
  "de la Forêt",
  "des Causses",
  "du Littoral",
];
// Adjectives that agree with any noun's gender.
const VALUES = ["Solidaire", "Durable", "Libre", "Responsable", "Équitable", "Utile", "Mobile", "Sobre"];
const THEMES = ["Terre", "Mobilité", "Énergie", "Alimentation", "Culture", "Jeunesse", "Habitat", "Santé", "Numérique", "Emploi", "Réemploi", "Environnement"];
const TRADES = [
  "Menuiserie",
  "Boulangerie",
  "Transports",
  "Imprimerie",
  "Serrurerie",
  "Maraîchage",
  "Brasserie",
  "Électricité",
  "Paysages",
  "Conserverie",
  "Chaudronnerie",
  "Plasturgie",
];
const FIELDS = [
  "de sciences sociales",
  "d'écologie territoriale",
  "d'économie circulaire",
  "d'agronomie",
  "de géographie",
  "du numérique responsable",
  "de santé publique",
  "des énergies renouvelables",
];
export const FIRST_NAMES = [
  "Camille",
  "Léa",
  "Manon",
  "Chloé",
  "Inès",
  "Sarah",
  "Julie",
  "Claire",
  "Nadia",
  "Aïcha",
  "Sophie",
  "Élodie",
  "Lucas",
  "Hugo",
  "Louis",
  "Thomas",
  "Nicolas",
  "Julien",
  "Karim",
  "Mathieu",
  "Antoine",
  "Yann",
  "Samir",
  "Olivier",
  "Maëlle",
  "Gaëlle",
  "Théo",
  "Romain",
  "Fatou",
  "Bastien",
];
export const LAST_NAMES = [
  "Martin",
  "Bernard",
  "Durand",
  "Petit",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefebvre",
  "Michel",
  "Garcia",
  "Roux",
  "Fournier",
  "Girard",
  "Bonnet",
  "Dupont",
  "Lambert",
  "Fontaine",
  "Rousseau",
  "Vincent",
  "Mercier",
  "Blanc",
  "Guérin",
  "Muller",
  "Henry",
  "Roussel",
  "Nicolas",
  "Perrin",
  "Morin",
  "Mathieu",
  "Le Gall",
  "Benali",
  "Nguyen",
  "Diallo",
  "Lemoine",
];

/** "de" with French elision and contraction: d'Agen, du Mans, des Abymes, de La Rochelle. */
export function of(place: string): string {
  if (place.startsWith("Le ")) return `du ${place.slice(3)}`;
  if (place.startsWith("Les ")) return `des ${place.slice(4)}`;
  return /^[AEIOUYÀÂÉÈÊÎÔaeiouyéèêîô]/.test(place) ? `d'${place}` : `de ${place}`;
}

/** A template receives the place already prefixed by of(): "de Vannes", "d'Auray". */
type Template = (r: Random, ofPlace: string) => string;

const TEMPLATES: Record<ActorKind, Template[]> = {
  COMPANY: [
    (r) => `${r.pick(TRADES)} ${r.pick(LAST_NAMES)}`,
    (r, p) => `${r.pick(TRADES)} ${p}`,
    (r) => `${r.pick(LAST_NAMES)} & ${r.pick(LAST_NAMES)} Conseil`,
    (r, p) => `SARL Les ${r.pick(NOUNS)} ${p}`,
  ],
  ESS: [
    (r) => `SCIC Les ${r.pick(NOUNS)} ${r.pick(PLACES)}`,
    (r) => `SCOP ${r.pick(THEMES)} ${r.pick(VALUES)}`,
    (r, p) => `Coopérative ${r.pick(THEMES).toLowerCase()} ${p}`,
    (_r, p) => `Ressourcerie ${p}`,
    (r) => `Tiers-lieu Les ${r.pick(NOUNS)}`,
  ],
  SIAE: [
    (r, p) => `Chantier d'insertion ${r.pick(NOUNS)} ${p}`,
    (r) => `Entreprise d'insertion ${r.pick(THEMES)} ${r.pick(VALUES)}`,
    (_r, p) => `Régie de quartier ${p}`,
    (r) => `Atelier chantier d'insertion ${r.pick(PLACES)}`,
  ],
  ASSOCIATION: [
    (r) => `Association ${r.pick(THEMES)} ${r.pick(VALUES)}`,
    (_r, p) => `Les Amis ${p}`,
    (_r, p) => `Centre social ${p}`,
    (_r, p) => `Maison des jeunes ${p}`,
    (r) => `Collectif Les ${r.pick(NOUNS)} ${r.pick(PLACES)}`,
  ],
  FOUNDATION: [(r) => `Fondation ${r.pick(LAST_NAMES)}`, (r) => `Fonds de dotation ${r.pick(THEMES)} ${r.pick(VALUES)}`],
  LOCAL_AUTHORITY: [(_r, p) => `Commune ${p}`, (r, p) => `Syndicat mixte ${r.pick(PLACES)} ${p}`],
  INSTITUTION: [
    (_r, p) => `Mission locale ${p}`,
    (_r, p) => `CCAS ${p}`,
    (_r, p) => `Office de tourisme ${p}`,
    (_r, p) => `Maison de l'emploi ${p}`,
    (_r, p) => `Centre hospitalier ${p}`,
  ],
  ACADEMIC: [
    (_r, p) => `Lycée agricole ${p}`,
    (_r, p) => `IUT ${p}`,
    (r) => `Laboratoire ${r.pick(FIELDS)}`,
    (_r, p) => `Campus des métiers ${p}`,
    (r) => `Institut de recherche ${r.pick(FIELDS)}`,
  ],
};

/** Keeps names unique across the whole demo: a repeat draws again, then gets a numeral. */
export class NameBook {
  private readonly used = new Set<string>();

  actorName(rng: Random, kind: ActorKind, places: readonly string[]): string {
    for (let attempt = 0; attempt < 8; attempt++) {
      const name = rng.pick(TEMPLATES[kind])(rng, of(rng.pick(places)));
      if (this.claim(name)) return name;
    }
    const base = rng.pick(TEMPLATES[kind])(rng, of(rng.pick(places)));
    for (let n = 2; ; n++) if (this.claim(`${base} ${n}`)) return `${base} ${n}`;
  }

  /** Claims an exact name (e.g. an EPCI's authority); false when already taken. */
  claim(name: string): boolean {
    if (this.used.has(name)) return false;
    this.used.add(name);
    return true;
  }
}

export function personName(rng: Random): { first: string; last: string } {
  return { first: rng.pick(FIRST_NAMES), last: rng.pick(LAST_NAMES) };
}

/** ASCII slug for fictional e-mail addresses: "Maëlle Le Gall" becomes "maelle.le-gall". */
export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export const ALLIANCE_THEMES = [
  "alimentation durable",
  "mobilité solidaire",
  "insertion par l'activité",
  "transition énergétique",
  "tiers-lieu",
  "économie circulaire",
  "santé de proximité",
  "numérique inclusif",
  "emploi des jeunes",
  "habitat partagé",
  "tourisme durable",
  "culture en milieu rural",
  "réemploi des matériaux",
  "circuits courts",
  "accès aux droits",
  "revitalisation du centre-bourg",
  "gestion de l'eau",
  "formation aux métiers verts",
];
