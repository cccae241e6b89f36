/**
 * The markers' colours, shared by the map (Leaflet) and its legend (HTML), so the legend says
 * what the map draws.
 */
export const MARKER_COLOURS = {
  /** An authorised project: a blue dot. */
  project: "#1f4e8c",
  /** A project shown on the map and in the list. */
  focused: "#a4262c",
  /** A public inquiry under way: an orange dot in an orange ring. */
  inquiry: "#b75400",
} as const;
