import { useTranslation } from "react-i18next";

const KINDS = ["decision", "minutes", "authorised_plans", "certificate"] as const;
const STATUSES = ["signing", "signed", "withdrawn"] as const;

type Kind = (typeof KINDS)[number];
type Status = (typeof STATUSES)[number];

const isKind = (value: string): value is Kind => (KINDS as readonly string[]).includes(value);
const isStatus = (value: string): value is Status =>
  (STATUSES as readonly string[]).includes(value);

/**
 * A document's kind and status in words. The public record types them as plain strings: one the
 * server added since shows its code rather than nothing.
 */
export function useDocumentWords() {
  const { t } = useTranslation();
  return {
    kind: (kind: string) => (isKind(kind) ? t(`signatures.kinds.${kind}`) : kind),
    status: (status: string) => (isStatus(status) ? t(`signatures.statuses.${status}`) : status),
  };
}

/** The first and last characters of a fingerprint, to name it in a sentence. */
export function shortFingerprint(sha256: string): string {
  return sha256.length > 20 ? `${sha256.slice(0, 8)}…${sha256.slice(-8)}` : sha256;
}
