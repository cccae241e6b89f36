/** Display of measurement values in the user's language and preferred units. */
import type { MeasurementUnit } from "./measure";

export interface UnitPreferences {
  length: "m" | "cm";
  area: "m2" | "cm2";
}

export const DEFAULT_UNITS: UnitPreferences = { length: "m", area: "m2" };

const NBSP = "\u00a0";

function number(value: number, locale: string, decimals: number): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/**
 * `value` is in the API's unit (m, m², degrees, count); the result is in the preferred
 * unit: "96.00 m²" (en), "96,00 m²" (fr), "1 200,0 cm", "45.0°", "4". A no-break space
 * separates number and unit; the degree sign is attached, as usual for plane angles.
 */
export function formatMeasurement(
  value: number,
  unit: MeasurementUnit,
  locale: string,
  units: UnitPreferences = DEFAULT_UNITS,
): string {
  switch (unit) {
    case "m":
      return units.length === "cm"
        ? `${number(value * 100, locale, 1)}${NBSP}cm`
        : `${number(value, locale, 2)}${NBSP}m`;
    case "m2":
      return units.area === "cm2"
        ? `${number(value * 10_000, locale, 1)}${NBSP}cm²`
        : `${number(value, locale, 2)}${NBSP}m²`;
    case "deg":
      return `${number(value, locale, 1)}°`;
    case "count":
      return number(value, locale, 0);
  }
}
