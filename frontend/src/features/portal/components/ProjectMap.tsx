import * as L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "react";
import type { ProjectFeature } from "../api/get-projects";
import type { Bbox } from "../query";

/** Where the map opens: Casablanca. */
export const INITIAL_VIEW = { lat: 33.57, lng: -7.59, zoom: 12 } as const;
/** The map reports its view once it has stopped moving for this long. */
export const VIEW_DEBOUNCE_MS = 300;
/** How close a row's "show on map" zooms at least. */
const FOCUS_ZOOM = 16;

export type PopupContent = { title: string; lines: string[] };

export type ProjectMapProps = {
  /** A {z}/{x}/{y} tile URL, or "" to draw on the plain background. */
  tileUrl: string;
  /** The tiles' credit, shown as plain text. */
  attribution: string;
  projects: readonly ProjectFeature[];
  /** The project to centre on and open; `seq` changes on each request, even for the same one. */
  focus: { reference: string; seq: number } | null;
  /** The text of a project's popup, in the page's language. */
  describe: (project: ProjectFeature) => PopupContent;
  /** The view's extent (longitudes may pass ±180), at first and after each move settles. */
  onViewChange: (view: Bbox) => void;
  /** A project's marker was clicked. */
  onSelect: (reference: string) => void;
  /** The base layer failed to load a tile (the projects stay on the plain background). */
  onTilesUnavailable: () => void;
  label: string;
};

const MARKER: L.CircleMarkerOptions = {
  radius: 6,
  weight: 1.5,
  color: "#ffffff",
  fillColor: "#1f4e8c",
  fillOpacity: 0.9,
};
const FOCUSED: L.CircleMarkerOptions = { ...MARKER, radius: 9, fillColor: "#a4262c" };

function popupElement({ title, lines }: PopupContent): HTMLElement {
  const root = document.createElement("div");
  root.className = "portal-popup";
  const heading = document.createElement("strong");
  heading.className = "mono";
  heading.textContent = title;
  root.append(heading);
  for (const line of lines.filter(Boolean)) {
    const paragraph = document.createElement("p");
    paragraph.textContent = line;
    root.append(paragraph);
  }
  return root;
}

/** The operator's credit as text: Leaflet would insert it as HTML. */
function plainText(html: string): string {
  const text = new DOMParser().parseFromString(html, "text/html").body.textContent ?? "";
  const escape: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
  return text.replace(/[&<>"]/g, (character) => escape[character] ?? character);
}

const latLngOf = (project: ProjectFeature): L.LatLngExpression | null => {
  const [lng, lat] = project.geometry?.coordinates ?? [];
  return typeof lat === "number" && typeof lng === "number" ? [lat, lng] : null;
};

/**
 * The one place Leaflet is used (page tests replace this component). Projects are circle markers
 * drawn on one canvas, so thousands stay fluid; popups are built when opened, from text only.
 */
export function ProjectMap({
  tileUrl,
  attribution,
  projects,
  focus,
  describe,
  onViewChange,
  onSelect,
  onTilesUnavailable,
  label,
}: ProjectMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);
  const markersRef = useRef(new Map<string, L.CircleMarker>());
  const projectsRef = useRef(new Map<string, ProjectFeature>());
  const focusedRef = useRef<string | null>(null);
  // The latest callbacks, read by Leaflet's handlers without rebuilding the map.
  const callbacks = useRef({ describe, onViewChange, onSelect, onTilesUnavailable });
  useEffect(() => {
    callbacks.current = { describe, onViewChange, onSelect, onTilesUnavailable };
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const renderer = L.canvas({ padding: 0.5 });
    const map = L.map(container, {
      center: [INITIAL_VIEW.lat, INITIAL_VIEW.lng],
      zoom: INITIAL_VIEW.zoom,
      renderer,
      preferCanvas: true,
    });
    const layer = L.layerGroup().addTo(map);
    mapRef.current = map;
    layerRef.current = layer;
    const markers = markersRef.current;

    const report = () => {
      const bounds = map.getBounds();
      callbacks.current.onViewChange({
        west: bounds.getWest(),
        south: bounds.getSouth(),
        east: bounds.getEast(),
        north: bounds.getNorth(),
      });
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onMoveEnd = () => {
      clearTimeout(timer);
      timer = setTimeout(report, VIEW_DEBOUNCE_MS);
    };
    map.on("moveend", onMoveEnd);
    report();

    return () => {
      clearTimeout(timer);
      map.off("moveend", onMoveEnd);
      map.remove();
      markers.clear();
      mapRef.current = null;
      layerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !tileUrl) return;
    const tiles = L.tileLayer(tileUrl, { attribution: plainText(attribution), maxZoom: 19 });
    let reported = false;
    tiles.on("tileerror", () => {
      if (reported) return;
      reported = true;
      callbacks.current.onTilesUnavailable();
    });
    tiles.addTo(map);
    return () => {
      tiles.remove();
    };
  }, [tileUrl, attribution]);

  // Markers are kept by reference, so an open popup survives the list being fetched again.
  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    const markers = markersRef.current;
    const wanted = new Map<string, ProjectFeature>();
    for (const project of projects) wanted.set(project.properties.reference, project);
    projectsRef.current = wanted;
    for (const [reference, marker] of markers) {
      if (!wanted.has(reference)) {
        layer.removeLayer(marker);
        markers.delete(reference);
      }
    }
    for (const [reference, project] of wanted) {
      const position = latLngOf(project);
      if (markers.has(reference) || !position) continue;
      const marker = L.circleMarker(position, reference === focusedRef.current ? FOCUSED : MARKER)
        // Built when opened, from the latest data and words.
        .bindPopup(() =>
          popupElement(callbacks.current.describe(projectsRef.current.get(reference) ?? project)),
        )
        .on("click", () => callbacks.current.onSelect(reference));
      marker.addTo(layer);
      markers.set(reference, marker);
    }
  }, [projects]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus) return;
    const previous = focusedRef.current;
    if (previous && previous !== focus.reference)
      markersRef.current.get(previous)?.setStyle(MARKER);
    focusedRef.current = focus.reference;
    const marker = markersRef.current.get(focus.reference);
    if (!marker) return;
    marker.setStyle(FOCUSED).bringToFront();
    map.setView(marker.getLatLng(), Math.max(map.getZoom(), FOCUS_ZOOM));
    marker.openPopup();
  }, [focus]);

  return (
    <div
      ref={containerRef}
      className="portal-map__canvas"
      role="region"
      aria-label={label}
      data-testid="project-map"
    />
  );
}
