import { describe, expect, it } from "vitest";
import {
  choiceLabel,
  coerce,
  fieldDescription,
  fieldLabel,
  formFields,
  initialInput,
  parseNumber,
  readForm,
  type FormField,
} from "../schema";
import { SHOP_FORM_SCHEMA } from "./data";

const fields = formFields(SHOP_FORM_SCHEMA);
const byName = (name: string) => fields.find((field) => field.name === name) as FormField;

describe("formFields", () => {
  it("lists the fields in x-order, with what each requires", () => {
    expect(fields.map((field) => field.name)).toEqual([
      "activity",
      "built_surface",
      "dwellings",
      "opening_date",
      "sign",
      "contact",
    ]);
    expect(byName("activity").required).toBe(true);
    expect(byName("dwellings").required).toBe(false);
    expect(byName("built_surface")).toMatchObject({ type: "number", minimum: 1, maximum: 100000 });
    expect(byName("activity").choices).toEqual([
      { value: "food", title: "Alimentation", titleEn: "Food" },
      { value: "retail", title: "Commerce de détail", titleEn: "Retail" },
    ]);
  });

  it("adds the properties x-order forgot, after the ordered ones", () => {
    const names = formFields({
      type: "object",
      "x-order": ["b", "ghost"],
      properties: { a: { type: "string", title: "A" }, b: { type: "string", title: "B" } },
    }).map((field) => field.name);
    expect(names).toEqual(["b", "a"]);
  });

  it("has no fields for an empty schema and skips fields it cannot show", () => {
    expect(formFields({})).toEqual([]);
    expect(formFields(null)).toEqual([]);
    expect(formFields({ type: "object", properties: {} })).toEqual([]);
    const kept = formFields({
      type: "object",
      properties: { list: { type: "array", title: "Liste" }, ok: { type: "string", title: "Ok" } },
    });
    expect(kept.map((field) => field.name)).toEqual(["ok"]);
  });

  it("labels an enum's values with themselves", () => {
    const [field] = formFields({
      type: "object",
      properties: { floors: { type: "integer", title: "Niveaux", enum: [1, 2, 3] } },
    });
    expect(field?.choices?.map((choice) => choice.title)).toEqual(["1", "2", "3"]);
  });
});

describe("labels", () => {
  it("are English when the schema has them, French otherwise", () => {
    expect(fieldLabel(byName("built_surface"), "fr")).toBe("Surface bâtie (m²)");
    expect(fieldLabel(byName("built_surface"), "en")).toBe("Built surface (m²)");
    expect(fieldLabel(byName("dwellings"), "en")).toBe("Nombre de logements");
    expect(fieldDescription(byName("built_surface"), "en-GB")).toBe("Total floor area.");
    expect(fieldDescription(byName("built_surface"), "fr")).toBe("Surface de plancher totale.");
    expect(choiceLabel(byName("activity").choices![0]!, "en")).toBe("Food");
  });
});

describe("parseNumber and coerce", () => {
  it("reads French and English numbers", () => {
    expect(parseNumber("1 250,5")).toBe(1250.5);
    expect(parseNumber("1\u202f250")).toBe(1250);
    expect(parseNumber("12.75")).toBe(12.75);
    expect(parseNumber("-3")).toBe(-3);
    expect(parseNumber("12abc")).toBeNaN();
    expect(parseNumber("1,2,3")).toBeNaN();
  });

  it("turns the inputs' text into the API's values", () => {
    expect(coerce(byName("built_surface"), "250,5")).toEqual({ value: 250.5 });
    expect(coerce(byName("dwellings"), "12")).toEqual({ value: 12 });
    expect(coerce(byName("dwellings"), "1.5")).toEqual({ problem: { code: "integer" } });
    expect(coerce(byName("built_surface"), "beaucoup")).toEqual({ problem: { code: "number" } });
    expect(coerce(byName("activity"), "food")).toEqual({ value: "food" });
    expect(coerce(byName("activity"), "other")).toEqual({ problem: { code: "choice" } });
    expect(coerce(byName("sign"), true)).toEqual({ value: true });
    expect(coerce(byName("sign"), false)).toEqual({ value: false });
    expect(coerce(byName("opening_date"), "2026-02-30")).toEqual({ problem: { code: "date" } });
    expect(coerce(byName("opening_date"), "2026-03-01")).toEqual({ value: "2026-03-01" });
    expect(coerce(byName("contact"), "gerant@")).toEqual({ problem: { code: "email" } });
    expect(coerce(byName("contact"), "  ")).toEqual({ empty: true });
  });

  it("gives a number choice its number back", () => {
    const [field] = formFields({
      type: "object",
      properties: { floors: { type: "integer", title: "Niveaux", enum: [1, 2] } },
    });
    expect(coerce(field!, "2")).toEqual({ value: 2 });
  });
});

describe("initialInput", () => {
  it("shows saved answers as text, and defaults on a new form", () => {
    expect(initialInput(fields, { built_surface: 250, sign: true, activity: "food" })).toEqual({
      activity: "food",
      built_surface: "250",
      dwellings: "",
      opening_date: "",
      sign: true,
      contact: "",
    });
    const [field] = formFields({
      type: "object",
      properties: { floors: { type: "integer", title: "Niveaux", default: 1 } },
    });
    expect(initialInput([field!])).toEqual({ floors: "1" });
  });
});

describe("readForm", () => {
  const input = {
    activity: "food",
    built_surface: "250",
    dwellings: "",
    opening_date: "",
    sign: false,
    contact: "",
  };

  it("sends only the answered fields, as numbers where they are numbers", () => {
    expect(readForm(fields, input)).toEqual({
      data: { activity: "food", built_surface: 250, sign: false },
      problems: {},
    });
  });

  it("lets a draft leave required fields empty, not a submission", () => {
    const empty = { ...input, activity: "", built_surface: "" };
    expect(readForm(fields, empty).problems).toEqual({});
    expect(readForm(fields, empty, { complete: true }).problems).toEqual({
      activity: { code: "required" },
      built_surface: { code: "required" },
    });
  });

  it("checks minimum, maximum and lengths as the API does, and leaves the bad value out", () => {
    const result = readForm(fields, { ...input, built_surface: "0", dwellings: "501" });
    expect(result.problems).toEqual({
      built_surface: { code: "minimum", limit: 1 },
      dwellings: { code: "maximum", limit: 500 },
    });
    expect(result.data).not.toHaveProperty("built_surface");

    const text = formFields({
      type: "object",
      properties: { name: { type: "string", title: "Nom", minLength: 2, maxLength: 5 } },
    });
    expect(readForm(text, { name: "a" }).problems).toEqual({
      name: { code: "minLength", limit: 2 },
    });
    expect(readForm(text, { name: "abcdef" }).problems).toEqual({
      name: { code: "maxLength", limit: 5 },
    });
    // Characters, not UTF-16 units: "é" composed, emoji.
    expect(readForm(text, { name: "😀😀😀😀😀" }).problems).toEqual({});
  });
});
