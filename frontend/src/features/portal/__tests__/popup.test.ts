import { describe, expect, it, vi } from "vitest";
import { popupElement } from "../popup";

describe("a marker's popup", () => {
  it("writes text only, and a project's has no links", () => {
    const popup = popupElement(
      { title: "PC-2026-000001", lines: ["<b>Permis</b>", "", "Boulevard d'Anfa"] },
      vi.fn(),
    );
    expect(popup.querySelector("strong")).toHaveTextContent("PC-2026-000001");
    expect([...popup.querySelectorAll("p")].map((line) => line.textContent)).toEqual([
      "<b>Permis</b>",
      "Boulevard d'Anfa",
    ]);
    expect(popup.querySelector("b")).toBeNull();
    expect(popup.querySelector("ul")).toBeNull();
  });

  it("opens documents in a new tab and follows the app's pages without reloading", () => {
    const onNavigate = vi.fn();
    const popup = popupElement(
      {
        lead: "Enquête publique jusqu'au 16 mars 2026",
        title: "LT-2026-000004",
        lines: ["Lotissement Les Oliviers"],
        links: [
          { label: "Plan de masse (version 2)", href: "/api/v1/documents/1/download/" },
          { label: "Piège", href: "javascript:alert(1)" },
          { label: "Donner mon avis", href: "/inquiries", internal: true },
        ],
      },
      onNavigate,
    );
    expect(popup.firstElementChild).toHaveTextContent("Enquête publique jusqu'au 16 mars 2026");
    const [document, trap, opinion] = [...popup.querySelectorAll("li")];

    const link = document!.querySelector("a")!;
    expect(link).toHaveAttribute("href", "/api/v1/documents/1/download/");
    expect(link).toHaveAttribute("target", "_blank");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");

    // Never a script's address: the label stays, as text.
    expect(trap).toHaveTextContent("Piège");
    expect(trap!.querySelector("a")).toBeNull();

    const inside = opinion!.querySelector("a")!;
    expect(inside).toHaveAttribute("href", "/inquiries");
    expect(inside).not.toHaveAttribute("target");
    const plain = new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 });
    inside.dispatchEvent(plain);
    expect(plain.defaultPrevented).toBe(true);
    expect(onNavigate).toHaveBeenCalledWith("/inquiries");

    // Ctrl-click is the browser's (a new tab).
    const newTab = new MouseEvent("click", { bubbles: true, cancelable: true, ctrlKey: true });
    inside.dispatchEvent(newTab);
    expect(newTab.defaultPrevented).toBe(false);
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });
});
