import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "@/lib/format";
import { paths } from "@/lib/paths";
import type { SignatureReport, Verification } from "../api/verify";

const MODIFICATIONS = [
  "none",
  "lta_updates",
  "form_filling",
  "annotations",
  "other",
  "broken",
] as const;
type Modification = (typeof MODIFICATIONS)[number];
const isModification = (value: string): value is Modification =>
  (MODIFICATIONS as readonly string[]).includes(value);

function Check({
  ok,
  yes,
  no,
  neutral = false,
}: {
  ok: boolean;
  yes: string;
  no: string;
  neutral?: boolean;
}) {
  const state = ok ? "ok" : neutral ? "neutral" : "bad";
  return (
    <li className={`check check--${state}`} data-state={state}>
      <span aria-hidden="true">{ok ? "✓" : neutral ? "–" : "✗"} </span>
      {ok ? yes : no}
    </li>
  );
}

function SignatureItem({ report }: { report: SignatureReport }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="signature-report" data-testid="signature-report">
      <p>
        <strong>{report.signer || t("signatures.verify.unknownSigner")}</strong>
        {report.signer_email && <span className="muted"> &lt;{report.signer_email}&gt;</span>}
      </p>
      <p className="small">
        {report.signed_at
          ? t("signatures.verify.signedAt", {
              date: formatDateTime(report.signed_at, i18n.language),
            })
          : t("signatures.verify.unknownTime")}
      </p>
      <ul className="checks-list">
        <Check
          ok={report.timestamped}
          neutral
          yes={t("signatures.verify.checks.timestamped.yes")}
          no={t("signatures.verify.checks.timestamped.no")}
        />
        <Check
          ok={report.intact}
          yes={t("signatures.verify.checks.intact.yes")}
          no={t("signatures.verify.checks.intact.no")}
        />
        <Check
          ok={report.valid}
          yes={t("signatures.verify.checks.valid.yes")}
          no={t("signatures.verify.checks.valid.no")}
        />
        <Check
          ok={report.trusted}
          yes={t("signatures.verify.checks.trusted.yes")}
          no={t("signatures.verify.checks.trusted.no")}
        />
        <Check
          ok={report.covers_document}
          yes={t("signatures.verify.checks.covers.yes")}
          no={t("signatures.verify.checks.covers.no")}
        />
      </ul>
      {report.modification && report.modification !== "none" && (
        <p className="small muted">
          {t("signatures.verify.modification", {
            text: isModification(report.modification)
              ? t(`signatures.verify.modifications.${report.modification}`)
              : report.modification,
          })}
        </p>
      )}
    </li>
  );
}

/**
 * The verdict in words and colour (valid: green; untrusted: amber; altered or invalid: red;
 * unsigned: grey), each signature's checks, and the document of ours the file is, if any.
 * `showMatch` is false where the page compares the file with a record itself.
 */
export function VerificationResult({
  verification,
  showMatch = true,
}: {
  verification: Verification;
  showMatch?: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { verdict, signatures, document } = verification;
  return (
    <section
      className={`card verdict verdict--${verdict}`}
      aria-labelledby={headingId}
      data-testid="verdict"
      data-verdict={verdict}
    >
      <h2 id={headingId}>{t(`signatures.verify.verdicts.${verdict}.title`)}</h2>
      <p>{t(`signatures.verify.verdicts.${verdict}.text`)}</p>
      {signatures.length > 0 && (
        <>
          <h3>{t("signatures.verify.signatures", { count: signatures.length })}</h3>
          <ol className="signature-reports">
            {signatures.map((report) => (
              <SignatureItem key={report.field} report={report} />
            ))}
          </ol>
        </>
      )}
      {showMatch && (
        <p data-testid="document-match">
          {document ? (
            <>
              {verification.latest
                ? t("signatures.verify.matchLatest", { title: document.title })
                : t("signatures.verify.matchEarlier", { title: document.title })}{" "}
              <Link to={paths.verifyCode(document.code)}>{t("signatures.verify.record")}</Link>
            </>
          ) : (
            t("signatures.verify.noMatch")
          )}
        </p>
      )}
    </section>
  );
}
