/**
 * The page number named by a DRF `next`/`previous` link (an absolute URL), or undefined when
 * there is no such page. The link's origin is ignored: the API client adds its own base URL.
 */
export function pageFromLink(link: string | null | undefined): number | undefined {
  if (!link) return undefined;
  let url: URL;
  try {
    url = new URL(link, "http://placeholder.invalid");
  } catch {
    return undefined;
  }
  const page = Number(url.searchParams.get("page") ?? "1");
  return Number.isInteger(page) && page > 0 ? page : undefined;
}
