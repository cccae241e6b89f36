import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { makePlanPage } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { PageStrip } from "../components/PageStrip";

const pages = [
  makePlanPage({ index: 1, sheet_number: "PC1", sheet_title: "Plan de situation" }),
  makePlanPage({ index: 2, sheet_number: "PC2", sheet_title: "" }),
  makePlanPage({
    index: 3,
    thumbnail_url: "https://files.example.test/thumbs/3.png",
    thumbnail_width: 400,
    thumbnail_height: 280,
  }),
];

const buttons = () =>
  within(screen.getByRole("navigation", { name: "Pages" })).getAllByRole("button");

describe("page strip", () => {
  it("shows one button per page, the current one marked, with its sheet number and title", () => {
    renderWithProviders(<PageStrip pages={pages} current={2} onSelect={() => {}} />);

    expect(buttons()).toHaveLength(3);
    expect(buttons().map((button) => button.textContent)).toEqual([
      "Page 1 — PC1 · Plan de situation",
      "Page 2 — PC2",
      "Page 3",
    ]);
    expect(buttons()[1]).toHaveAttribute("aria-current", "page");
    expect(buttons()[0]).not.toHaveAttribute("aria-current");
    expect(buttons()[2]).not.toHaveAttribute("aria-current");
    expect(screen.queryByText(/modifiée/)).not.toBeInTheDocument();
  });

  it("shows the server's thumbnail at a quarter of its size, as decoration", () => {
    const { container } = renderWithProviders(
      <PageStrip pages={pages} current={1} onSelect={() => {}} />,
    );
    const images = container.querySelectorAll("img");
    expect(images).toHaveLength(1);
    expect(images[0]).toHaveAttribute("src", "https://files.example.test/thumbs/3.png");
    expect(images[0]).toHaveAttribute("alt", "");
    expect(images[0]).toHaveAttribute("width", "100");
    expect(images[0]).toHaveAttribute("height", "70");
  });

  it("marks the pages changed since the compared version", () => {
    renderWithProviders(
      <PageStrip pages={pages} current={1} onSelect={() => {}} changed={new Set([1, 3])} />,
    );
    expect(buttons()[0]).toHaveTextContent("Page 1 · modifiée");
    expect(buttons()[1]).not.toHaveTextContent("modifiée");
    expect(buttons()[2]).toHaveTextContent("Page 3 · modifiée");
  });

  it("selects a page by its index", async () => {
    const onSelect = vi.fn();
    const { user } = renderWithProviders(
      <PageStrip pages={pages} current={1} onSelect={onSelect} />,
    );
    await user.click(screen.getByRole("button", { name: /^Page 3/ }));
    expect(onSelect).toHaveBeenCalledExactlyOnceWith(3);
  });
});
