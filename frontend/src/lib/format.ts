/** Points (1/72 inch) to millimetres. */
export function ptToMm(points: number): number {
  return (points * 25.4) / 72;
}

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium" }).format(date);
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(
    date,
  );
}

const BYTE_UNITS: Record<string, readonly string[]> = {
  fr: ["o", "Ko", "Mo", "Go"],
  en: ["B", "KB", "MB", "GB"],
};

/** A file size in binary multiples, with the language's unit symbols (French: o, Ko, Mo). */
export function formatBytes(bytes: number, language: string): string {
  const base = language.toLowerCase().split("-")[0] ?? "en";
  const units = BYTE_UNITS[base] ?? BYTE_UNITS.en!;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: unit ? 1 : 0 }).format(
    value,
  );
  return `${number}\u00a0${units[unit]}`;
}

/**
 * The page's size as it is displayed: a /Rotate of 90 or 270 degrees turns the sheet, so its
 * width and height swap. `rotation` is the PDF's clockwise rotation in degrees.
 */
export function displayedPageSize(
  width: number,
  height: number,
  rotation: number,
): { width: number; height: number } {
  const quarterTurns = Math.round((((rotation % 360) + 360) % 360) / 90);
  return quarterTurns % 2 === 1 ? { width: height, height: width } : { width, height };
}

/**
 * "1 250,00 MAD" (French) or "1,250.00 MAD" (English) for an API decimal string: always two
 * decimals, the currency's code after the number. An amount that is not a number shows as sent.
 */
export function formatMoney(amount: string, currency: string, language: string): string {
  const value = Number(amount);
  if (amount.trim() === "" || !Number.isFinite(value)) return `${amount}\u00a0${currency}`;
  const number = new Intl.NumberFormat(language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
  return `${number}\u00a0${currency}`;
}
