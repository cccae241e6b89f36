import { useId } from "react";
import { useTranslation } from "react-i18next";

/** A SHA-256 fingerprint in full, monospace and wrapped, with what it means. */
export function Fingerprint({ sha256 }: { sha256: string }) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <div className="fingerprint">
      <code className="mono fingerprint__value" aria-describedby={hintId} data-testid="fingerprint">
        {sha256}
      </code>
      <p id={hintId} className="muted small">
        {t("signatures.document.fingerprintHint")}
      </p>
    </div>
  );
}
