/** What a marker's popup says, and the elements Leaflet shows for it. */

export type PopupLink = {
  label: string;
  href: string;
  /** A page of the app, followed with `onNavigate`; otherwise a file opened in a new tab. */
  internal?: boolean;
};

export type PopupContent = {
  /** A line above the title (what the marker is). */
  lead?: string;
  title: string;
  lines: string[];
  links?: PopupLink[];
};

/** Only web addresses become links (never `javascript:` and the like). */
function webHref(href: string): string | null {
  try {
    const { protocol } = new URL(href, window.location.href);
    return protocol === "http:" || protocol === "https:" ? href : null;
  } catch {
    return null;
  }
}

/** A popup's content as elements, from text only (Leaflet would insert a string as HTML). */
export function popupElement(
  { lead, title, lines, links = [] }: PopupContent,
  onNavigate: (path: string) => void,
): HTMLElement {
  const root = document.createElement("div");
  root.className = "portal-popup";
  if (lead) {
    const paragraph = document.createElement("p");
    paragraph.className = "portal-popup__lead";
    paragraph.textContent = lead;
    root.append(paragraph);
  }
  const heading = document.createElement("strong");
  heading.className = "mono";
  heading.textContent = title;
  root.append(heading);
  for (const line of lines.filter(Boolean)) {
    const paragraph = document.createElement("p");
    paragraph.textContent = line;
    root.append(paragraph);
  }
  if (links.length > 0) {
    const list = document.createElement("ul");
    list.className = "portal-popup__links";
    for (const { label, href, internal } of links) {
      const item = document.createElement("li");
      const safe = webHref(href);
      if (!safe) {
        item.textContent = label;
      } else {
        const anchor = document.createElement("a");
        anchor.href = safe;
        anchor.textContent = label;
        if (internal) {
          // Inside the app without reloading it; a new tab or window stays the browser's.
          anchor.addEventListener("click", (event) => {
            if (
              event.button !== 0 ||
              event.metaKey ||
              event.ctrlKey ||
              event.shiftKey ||
              event.altKey
            )
              return;
            event.preventDefault();
            onNavigate(href);
          });
        } else {
          anchor.target = "_blank";
          anchor.rel = "noopener noreferrer";
        }
        item.append(anchor);
      }
      list.append(item);
    }
    root.append(list);
  }
  return root;
}
