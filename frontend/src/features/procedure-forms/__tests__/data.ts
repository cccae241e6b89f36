/** A form like the economic authorisations': every kind of field the renderer shows. */
export const SHOP_FORM_SCHEMA = {
  type: "object",
  required: ["activity", "built_surface"],
  "x-order": ["activity", "built_surface", "dwellings", "opening_date", "sign", "contact"],
  properties: {
    contact: {
      type: "string",
      title: "Courriel du gérant",
      "x-title-en": "Manager's e-mail",
      format: "email",
    },
    built_surface: {
      type: "number",
      title: "Surface bâtie (m²)",
      "x-title-en": "Built surface (m²)",
      description: "Surface de plancher totale.",
      "x-description-en": "Total floor area.",
      minimum: 1,
      maximum: 100000,
    },
    activity: {
      type: "string",
      title: "Activité",
      "x-title-en": "Activity",
      oneOf: [
        { const: "food", title: "Alimentation", "x-title-en": "Food" },
        { const: "retail", title: "Commerce de détail", "x-title-en": "Retail" },
      ],
    },
    dwellings: { type: "integer", title: "Nombre de logements", minimum: 0, maximum: 500 },
    opening_date: {
      type: "string",
      title: "Date d'ouverture",
      "x-title-en": "Opening date",
      format: "date",
    },
    sign: { type: "boolean", title: "Enseigne lumineuse", "x-title-en": "Illuminated sign" },
  },
} as const;
