/** A value axis for a chart: its top and its ticks, from 0, in round steps. */
export type Scale = { top: number; ticks: number[] };

const STEPS = [1, 2, 2.5, 5, 10];

/**
 * The smallest round axis that holds `max` in about `steps` steps (1, 2, 2.5 or 5 times a power
 * of ten). An empty or all-zero series still gets an axis from 0 to `steps`.
 */
export function niceScale(max: number, steps = 4): Scale {
  if (!(max > 0) || !Number.isFinite(max)) {
    return { top: steps, ticks: Array.from({ length: steps + 1 }, (_, index) => index) };
  }
  const raw = max / steps;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = (STEPS.find((candidate) => candidate * power >= raw) ?? 10) * power;
  const count = Math.ceil(max / step - 1e-9);
  const ticks = Array.from({ length: count + 1 }, (_, index) => round(index * step));
  return { top: round(count * step), ticks };
}

/** Every how many months a label fits on an axis with room for `room` labels. */
export function labelEvery(count: number, room = 12): number {
  return Math.max(1, Math.ceil(count / room));
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}
