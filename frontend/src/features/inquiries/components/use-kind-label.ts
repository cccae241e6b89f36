import { useTranslation } from "react-i18next";
import type { ObservationKind } from "../api/query-keys";

const KINDS: readonly string[] = ["observation", "objection"] satisfies ObservationKind[];

/** "Observation" / "Opposition"; an unknown kind from a newer API shows as sent. */
export function useKindLabel() {
  const { t } = useTranslation();
  return (kind: string) =>
    KINDS.includes(kind) ? t(`inquiries.kinds.${kind as ObservationKind}`) : kind;
}
