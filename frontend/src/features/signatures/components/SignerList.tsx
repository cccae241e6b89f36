import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import type { SignedDocument } from "../api/query-keys";
import { signersInOrder } from "../policy";

/**
 * Who signs, in order: each with their capacity, ✓ and the time once signed (and whether it was
 * timestamped), "waiting" otherwise, the next one marked, and the note the API left (e.g. signed
 * without a timestamp).
 */
export function SignerList({ document }: { document: SignedDocument }) {
  const { t, i18n } = useTranslation();
  const signing = document.status === "signing";
  return (
    <ol className="signers" data-testid="signers">
      {signersInOrder(document).map((signer) => {
        const next = signing && signer.position === document.next_signer;
        return (
          <li
            key={signer.position}
            className={signer.signed_at ? "signer signer--signed" : "signer"}
            data-testid="signer"
          >
            <span className="signer__who">
              <strong>{signer.name}</strong> <span className="muted">— {signer.role}</span>
            </span>
            <span className="signer__state">
              {signer.signed_at ? (
                <>
                  <span aria-hidden="true">✓ </span>
                  {t("signatures.document.signedAt", {
                    date: formatDateTime(signer.signed_at, i18n.language),
                  })}
                  {signer.timestamped && (
                    <span className="muted"> ({t("signatures.document.timestamped")})</span>
                  )}
                </>
              ) : next ? (
                <strong>{t("signatures.document.next")}</strong>
              ) : (
                <span className="muted">{t("signatures.document.waiting")}</span>
              )}
            </span>
            {signer.note && <span className="signer__note small">{signer.note}</span>}
          </li>
        );
      })}
    </ol>
  );
}
