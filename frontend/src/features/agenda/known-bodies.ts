/** The distinct organisation slugs among `groups`, sorted: completions for a body field. */
export function knownBodies(...groups: readonly (readonly string[])[]): string[] {
  return [...new Set(groups.flat().filter(Boolean))].sort();
}
