import { pagePoint, type PagePoint } from "./types";

const HALF_SQRT2 = Math.SQRT1_2;
/** Unit vectors at 0°, 45°, … 315° in page space (y down), exact on the axes. */
const DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0],
  [HALF_SQRT2, HALF_SQRT2],
  [0, 1],
  [-HALF_SQRT2, HALF_SQRT2],
  [-1, 0],
  [-HALF_SQRT2, -HALF_SQRT2],
  [0, -1],
  [HALF_SQRT2, -HALF_SQRT2],
];

/**
 * `p` moved onto the nearest multiple of 45° around `anchor`, at the same distance (the
 * Shift constraint). Page space; display rotations are quarter turns, so this equals
 * snapping on screen.
 */
export function snapAngle(anchor: PagePoint, p: PagePoint): PagePoint {
  const dx = p[0] - anchor[0];
  const dy = p[1] - anchor[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return pagePoint(p[0], p[1]);
  const octant = (((Math.round(Math.atan2(dy, dx) / (Math.PI / 4)) % 8) + 8) % 8) as number;
  const [ux, uy] = DIRECTIONS[octant]!;
  return pagePoint(anchor[0] + ux * length, anchor[1] + uy * length);
}
