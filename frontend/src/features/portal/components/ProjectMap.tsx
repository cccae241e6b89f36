import * as L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "react";
import type { MapInquiry } from "../api/get-inquiries";
import type { ProjectFeature } from "../api/get-projects";
import { MARKER_COLOURS } from "../map-style";
import { type PopupContent, popupElement } from "../popup";
import type { Bbox } from "../query";

export type { PopupContent, PopupLink } from "../popup";

/** Where the map opens: Casablanca. */
export const INITIAL_VIEW = { lat: 33.57, lng: -7.59, zoom: 12 } as const;
/** The map reports its view once it has stopped moving for this long. */
export const VIEW_DEBOUNCE_MS = 300;
/** How close a row's "show on map" zooms at least. */
const FOCUS_ZOOM = 16;

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
  /** The public inquiries under way, all at once (those without a position are not drawn). */
  inquiries: readonly MapInquiry[];
  /** The content of an inquiry's popup, in the page's language. */
  describeInquiry: (inquiry: MapInquiry) => PopupContent;
  /** A popup's link to a page of the app was followed (a plain click). */
  onNavigate: (path: string) => void;
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
  fillColor: MARKER_COLOURS.project,
  fillOpacity: 0.9,
};
const FOCUSED: L.CircleMarkerOptions = { ...MARKER, radius: 9, fillColor: MARKER_COLOURS.focused };
/** An inquiry: a dot of its own colour inside a ring of the same colour. */
const INQUIRY_DOT: L.CircleMarkerOptions = { ...MARKER, fillColor: MARKER_COLOURS.inquiry };
const INQUIRY_RING: L.CircleMarkerOptions = {
  radius: 11,
  weight: 3,
  color: MARKER_COLOURS.inquiry,
  opacity: 0.95,
  fill: true,
  fillColor: "#ffffff",
  fillOpacity: 0.6,
};

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

const inquiryLatLng = ({ latitude, longitude }: MapInquiry): L.LatLngExpression | null =>
  typeof latitude === "number" &&
  typeof longitude === "number" &&
  Number.isFinite(latitude) &&
  Number.isFinite(longitude)
    ? [latitude, longitude]
    : null;

/**
 * The one place Leaflet is used (page tests replace this component). Projects are circle markers
 * drawn on one canvas, so thousands stay fluid; the inquiries are drawn on it too, as a ringed dot
 * of their own colour above the projects. Popups are built when opened, from text only.
 */
export function ProjectMap({
  tileUrl,
  attribution,
  projects,
  focus,
  describe,
  inquiries,
  describeInquiry,
  onNavigate,
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
  const inquiryLayerRef = useRef<L.LayerGroup | null>(null);
  const inquiryMarkersRef = useRef(new Map<string, L.FeatureGroup>());
  const inquiriesRef = useRef(new Map<string, MapInquiry>());
  // The latest callbacks, read by Leaflet's handlers without rebuilding the map.
  const callbacks = useRef({
    describe,
    describeInquiry,
    onNavigate,
    onViewChange,
    onSelect,
    onTilesUnavailable,
  });
  useEffect(() => {
    callbacks.current = {
      describe,
      describeInquiry,
      onNavigate,
      onViewChange,
      onSelect,
      onTilesUnavailable,
    };
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
    const inquiryLayer = L.layerGroup().addTo(map);
    mapRef.current = map;
    layerRef.current = layer;
    inquiryLayerRef.current = inquiryLayer;
    const markers = markersRef.current;
    const inquiryMarkers = inquiryMarkersRef.current;

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
      inquiryMarkers.clear();
      mapRef.current = null;
      layerRef.current = null;
      inquiryLayerRef.current = null;
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
    let added = false;
    for (const [reference, project] of wanted) {
      const position = latLngOf(project);
      if (markers.has(reference) || !position) continue;
      const marker = L.circleMarker(position, reference === focusedRef.current ? FOCUSED : MARKER)
        // Built when opened, from the latest data and words.
        .bindPopup(() =>
          popupElement(
            callbacks.current.describe(projectsRef.current.get(reference) ?? project),
            callbacks.current.onNavigate,
          ),
        )
        .on("click", () => callbacks.current.onSelect(reference));
      marker.addTo(layer);
      markers.set(reference, marker);
      added = true;
    }
    // The canvas draws in the order markers were added: the inquiries stay on top.
    if (added) for (const marker of inquiryMarkersRef.current.values()) marker.bringToFront();
  }, [projects]);

  // Kept by id like the projects; an inquiry is a ring and a dot that share one popup.
  useEffect(() => {
    const layer = inquiryLayerRef.current;
    if (!layer) return;
    const markers = inquiryMarkersRef.current;
    const wanted = new Map<string, MapInquiry>();
    for (const inquiry of inquiries) wanted.set(inquiry.id, inquiry);
    inquiriesRef.current = wanted;
    for (const [id, marker] of markers) {
      const inquiry = wanted.get(id);
      if (!inquiry || !inquiryLatLng(inquiry)) {
        layer.removeLayer(marker);
        markers.delete(id);
      }
    }
    for (const [id, inquiry] of wanted) {
      const position = inquiryLatLng(inquiry);
      if (markers.has(id) || !position) continue;
      const marker = L.featureGroup([
        L.circleMarker(position, INQUIRY_RING),
        L.circleMarker(position, INQUIRY_DOT),
      ]).bindPopup(() =>
        popupElement(
          callbacks.current.describeInquiry(inquiriesRef.current.get(id) ?? inquiry),
          callbacks.current.onNavigate,
        ),
      );
      // Opened where the ring was clicked, then moved to its centre like a project's.
      marker.on("popupopen", (event: L.PopupEvent) => event.popup.setLatLng(position));
      marker.addTo(layer);
      markers.set(id, marker);
    }
  }, [inquiries]);

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
