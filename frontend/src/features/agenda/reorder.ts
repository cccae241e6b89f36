/** A copy of `items` with the one at `index` moved `by` places (clamped to the list). */
export function moveItem<T>(items: readonly T[], index: number, by: number): T[] {
  const target = Math.min(items.length - 1, Math.max(0, index + by));
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  if (item === undefined) return copy;
  copy.splice(target, 0, item);
  return copy;
}
