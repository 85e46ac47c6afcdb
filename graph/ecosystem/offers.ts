/** The programme's three offers at each need level (domain.md), in English and French. */
export interface Offer {
  en: string;
  fr: string;
}

export const OFFERS_BY_LEVEL: Readonly<Record<1 | 2 | 3 | 4, readonly Offer[]>> = {
  1: [
    { en: "Steering aid: charter, practical kit, evaluation model", fr: "Aide au pilotage : charte, kit pratique, modèle d'évaluation" },
    { en: "Exchanges and inspiration: webinars, meetings", fr: "Échanges et inspiration : webinaires, rencontres" },
    { en: "A promotion plan on a weekly to yearly cycle", fr: "Un plan de valorisation, du cycle hebdomadaire à l'annuel" },
  ],
  2: [
    { en: "Qualify one's practices with the self-assessment grid", fr: "Qualifier ses pratiques avec la grille d'autodiagnostic" },
    { en: "Three compasses: performance, innovation, trust", fr: "Trois boussoles : performance, innovation, confiance" },
    { en: "Eight learning formats: discovery and experiential courses", fr: "Huit formats d'apprentissage : parcours découverte et expérientiels" },
  ],
  3: [
    { en: "Governance support at three levels of innovation", fr: "Accompagnement de la gouvernance sur trois niveaux d'innovation" },
    { en: "Engineering funding: governance grant and/or drawing right", fr: "Financement de l'ingénierie : subvention de gouvernance et/ou droit de tirage" },
    { en: "Equity for small and medium innovations", fr: "Fonds propres pour les petites et moyennes innovations" },
  ],
  4: [
    { en: "Qualify local challenges with an observation notebook", fr: "Qualifier les enjeux locaux avec un carnet d'observation" },
    {
      en: 'Strategic support: the five-step "Act together in the territory" method',
      fr: "Accompagnement stratégique : la méthode en cinq étapes « Agir ensemble sur le territoire »",
    },
    {
      en: "Invent an ecosystem-wide socio-economic model (action research)",
      fr: "Inventer un modèle socio-économique à l'échelle de l'écosystème (recherche-action)",
    },
  ],
};
