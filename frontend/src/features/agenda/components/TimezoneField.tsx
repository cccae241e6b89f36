import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";

/** The zones our authorities sit in; any other IANA name can be typed. */
export const COMMON_ZONES = [
  "Africa/Casablanca",
  "Europe/Brussels",
  "Europe/Paris",
  "Africa/Tunis",
  "Africa/Algiers",
  "UTC",
] as const;

const OTHER = "other";

type Props = {
  value: string;
  onChange: (zone: string) => void;
  errors: readonly string[];
};

/** A select of the common zones; "Autre fuseau…" reveals a text input for any IANA name. */
export function TimezoneField({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const [other, setOther] = useState(!(COMMON_ZONES as readonly string[]).includes(value));
  return (
    <>
      <Field label={t("commissionForm.timezone")} errors={other ? [] : errors}>
        <select
          value={other ? OTHER : value}
          onChange={(event) => {
            const next = event.target.value;
            setOther(next === OTHER);
            onChange(next === OTHER ? "" : next);
          }}
        >
          {COMMON_ZONES.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
          <option value={OTHER}>{t("commissionForm.otherZone")}</option>
        </select>
      </Field>
      {other && (
        <Field
          label={t("commissionForm.zoneName")}
          hint={t("commissionForm.zoneHint")}
          errors={errors}
        >
          <input
            type="text"
            value={value}
            spellCheck={false}
            onChange={(event) => onChange(event.target.value)}
          />
        </Field>
      )}
    </>
  );
}
