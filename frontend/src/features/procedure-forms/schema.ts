/**
 * A procedure's own form, as the API describes it: a small part of JSON Schema (one flat object
 * of text, whole or decimal numbers, yes/no and choices; see backend/dossiers/procedure_forms.py).
 * Pure functions, no React: the schema read into fields, the inputs' text turned into the
 * `form_data` the API takes, and the checks the API makes, mirrored to answer before it does.
 */

export type FieldType = "string" | "integer" | "number" | "boolean";
export type ChoiceValue = string | number;
export type Language = string;

export type Choice = { value: ChoiceValue; title: string; titleEn?: string };

export type FormField = {
  name: string;
  type: FieldType;
  /** French; `titleEn` when the administrator gave an English one. */
  title: string;
  titleEn?: string;
  description?: string;
  descriptionEn?: string;
  /** From `oneOf` (labelled) or `enum` (the value is its own label). */
  choices?: Choice[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: "date" | "email";
  default?: unknown;
  required: boolean;
};

/** The answers as the API stores them (`form_data`). */
export type FormData = Record<string, unknown>;

/** What the inputs hold: their text, or a checkbox's state. */
export type FormInput = Record<string, string | boolean>;

export type ProblemCode =
  | "required"
  | "integer"
  | "number"
  | "minimum"
  | "maximum"
  | "minLength"
  | "maxLength"
  | "choice"
  | "date"
  | "email";

/** One failed check; `limit` for the bounds (minimum, maxLength…). */
export type Problem = { code: ProblemCode; limit?: number };

const FIELD_TYPES: readonly string[] = ["string", "integer", "number", "boolean"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function isChoiceValue(value: unknown): value is ChoiceValue {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

function readChoices(raw: Record<string, unknown>): Choice[] | undefined {
  if (Array.isArray(raw.oneOf)) {
    const choices = raw.oneOf.flatMap((option): Choice[] => {
      if (!isRecord(option) || !isChoiceValue(option.const)) return [];
      const title = optionalString(option.title) ?? String(option.const);
      const titleEn = optionalString(option["x-title-en"]);
      return [{ value: option.const, title, ...(titleEn ? { titleEn } : {}) }];
    });
    return choices.length ? choices : undefined;
  }
  if (Array.isArray(raw.enum)) {
    const choices = raw.enum
      .filter(isChoiceValue)
      .map((value): Choice => ({ value, title: String(value) }));
    return choices.length ? choices : undefined;
  }
  return undefined;
}

function readField(name: string, raw: unknown, required: boolean): FormField | null {
  if (!isRecord(raw) || typeof raw.type !== "string" || !FIELD_TYPES.includes(raw.type)) {
    return null;
  }
  const field: FormField = {
    name,
    type: raw.type as FieldType,
    title: optionalString(raw.title) ?? name,
    required,
  };
  const titleEn = optionalString(raw["x-title-en"]);
  if (titleEn) field.titleEn = titleEn;
  const description = optionalString(raw.description);
  if (description) field.description = description;
  const descriptionEn = optionalString(raw["x-description-en"]);
  if (descriptionEn) field.descriptionEn = descriptionEn;
  const choices = readChoices(raw);
  if (choices) field.choices = choices;
  for (const key of ["minimum", "maximum", "minLength", "maxLength"] as const) {
    const value = optionalNumber(raw[key]);
    if (value !== undefined) field[key] = value;
  }
  if (raw.format === "date" || raw.format === "email") field.format = raw.format;
  if ("default" in raw) field.default = raw.default;
  return field;
}

/**
 * The form's fields in their order (`x-order`, then any property it forgot). An empty schema
 * (`{}`, or no properties) has none; a property the form cannot show is left out rather than
 * breaking the page.
 */
export function formFields(schema: unknown): FormField[] {
  if (!isRecord(schema) || !isRecord(schema.properties)) return [];
  const properties = schema.properties;
  const required = new Set(
    Array.isArray(schema.required)
      ? schema.required.filter((name): name is string => typeof name === "string")
      : [],
  );
  const order = Array.isArray(schema["x-order"])
    ? schema["x-order"].filter(
        (name): name is string => typeof name === "string" && name in properties,
      )
    : [];
  const names = [...new Set([...order, ...Object.keys(properties)])];
  return names.flatMap((name) => {
    const field = readField(name, properties[name], required.has(name));
    return field ? [field] : [];
  });
}

function isEnglish(language: Language): boolean {
  return language.toLowerCase().startsWith("en");
}

/** The field's label in `language`: English when it has one, French otherwise. */
export function fieldLabel(field: FormField, language: Language): string {
  return isEnglish(language) && field.titleEn ? field.titleEn : field.title;
}

export function fieldDescription(field: FormField, language: Language): string | undefined {
  return isEnglish(language) && field.descriptionEn ? field.descriptionEn : field.description;
}

export function choiceLabel(choice: Choice, language: Language): string {
  return isEnglish(language) && choice.titleEn ? choice.titleEn : choice.title;
}

/** A value as an input shows it: numbers and choices as text, yes/no as a checkbox's state. */
function toInputValue(field: FormField, value: unknown): string | boolean {
  if (field.type === "boolean") return value === true;
  if (value === undefined || value === null) return "";
  return String(value);
}

/**
 * The inputs' state for saved answers (`data`, a dossier's `form_data`), or for a new form
 * (`data` omitted): each field's `default` then.
 */
export function initialInput(fields: readonly FormField[], data?: FormData): FormInput {
  const input: FormInput = {};
  for (const field of fields) {
    const value = data ? data[field.name] : field.default;
    input[field.name] = toInputValue(field, value);
  }
  return input;
}

/** "1 250,5" → 1250.5: spaces (thousands) dropped, a decimal comma accepted; NaN otherwise. */
export function parseNumber(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(compact)) return Number.NaN;
  return Number(compact);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

type Coerced = { value: unknown } | { problem: Problem } | { empty: true };

/** One input's text as the API's value (a number for numbers, a choice's own value). */
export function coerce(field: FormField, raw: string | boolean): Coerced {
  if (field.type === "boolean") return { value: raw === true };
  const text = typeof raw === "string" ? raw.trim() : "";
  if (text === "") return { empty: true };
  if (field.choices) {
    const choice = field.choices.find((option) => String(option.value) === text);
    return choice ? { value: choice.value } : { problem: { code: "choice" } };
  }
  if (field.type === "integer" || field.type === "number") {
    const number = parseNumber(text);
    if (Number.isNaN(number)) return { problem: { code: field.type } };
    if (field.type === "integer" && !Number.isInteger(number)) {
      return { problem: { code: "integer" } };
    }
    return { value: number };
  }
  if (field.format === "date" && !isRealDate(text)) return { problem: { code: "date" } };
  if (field.format === "email" && !EMAIL.test(text)) return { problem: { code: "email" } };
  return { value: text };
}

function boundsProblem(field: FormField, value: unknown): Problem | null {
  if (typeof value === "number") {
    if (field.minimum !== undefined && value < field.minimum) {
      return { code: "minimum", limit: field.minimum };
    }
    if (field.maximum !== undefined && value > field.maximum) {
      return { code: "maximum", limit: field.maximum };
    }
  }
  if (typeof value === "string" && !field.choices) {
    const length = [...value].length;
    if (field.minLength !== undefined && length < field.minLength) {
      return { code: "minLength", limit: field.minLength };
    }
    if (field.maxLength !== undefined && length > field.maxLength) {
      return { code: "maxLength", limit: field.maxLength };
    }
  }
  return null;
}

export type FormResult = {
  /** The answers to send: only the fields answered and valid. */
  data: FormData;
  /** At most one problem per field, by field name. */
  problems: Record<string, Problem>;
};

/**
 * The inputs as `form_data`, with the checks the API makes. `complete`: a submission, where
 * required fields must be answered; a draft may leave them empty.
 */
export function readForm(
  fields: readonly FormField[],
  input: FormInput,
  { complete = false }: { complete?: boolean } = {},
): FormResult {
  const data: FormData = {};
  const problems: Record<string, Problem> = {};
  for (const field of fields) {
    const coerced = coerce(field, input[field.name] ?? "");
    if ("empty" in coerced) {
      if (complete && field.required) problems[field.name] = { code: "required" };
      continue;
    }
    if ("problem" in coerced) {
      problems[field.name] = coerced.problem;
      continue;
    }
    const problem = boundsProblem(field, coerced.value);
    if (problem) problems[field.name] = problem;
    else data[field.name] = coerced.value;
  }
  return { data, problems };
}

/** The key under which the API reports a field's errors. */
export function apiErrorKey(name: string): string {
  return `form_data.${name}`;
}
