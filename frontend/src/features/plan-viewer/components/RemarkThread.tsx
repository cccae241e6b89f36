import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { ApiError, fieldErrorsOf } from "@/lib/api-error";
import { formatDateTime } from "@/lib/format";
import { paths } from "@/lib/paths";
import { useAddComment } from "../api/add-comment";
import { type Annotation, annotationsQueryKey } from "../api/get-annotations";
import { type AnnotationPatch, useAnnotationWriter } from "../api/write-annotations";
import { isRemarkStatus, REMARK_STATUSES, remarkStatus } from "./annotation-filters";

type RemarkThreadProps = {
  versionId: string;
  annotation: Annotation;
  /** Change the remark's status and whether the applicant sees it. */
  canModerate: boolean;
};

/** A remark's text and its answers; anyone who sees the remark may answer it. */
export function RemarkThread({ versionId, annotation, canModerate }: RemarkThreadProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="remark-thread" aria-labelledby={headingId} data-testid="remark-thread">
      <h3 id={headingId}>{t("viewerPanel.thread.title")}</h3>
      {canModerate && <RemarkModeration versionId={versionId} annotation={annotation} />}
      {annotation.carried_from_version && (
        <p>
          <Link
            to={paths.viewer(annotation.carried_from_version, annotation.carried_from_page ?? 1)}
            data-testid="remark-origin"
          >
            {t("viewer.compare.originLink")}
          </Link>
        </p>
      )}
      <ol className="remark-thread__messages">
        {annotation.text.trim() && (
          <Message
            author={annotation.author_name || annotation.author}
            at={annotation.created_at}
            body={annotation.text}
          />
        )}
        {annotation.comments.map((comment) => (
          <Message
            key={comment.id}
            author={comment.author_name || comment.author}
            at={comment.created_at}
            body={comment.body}
          />
        ))}
      </ol>
      {annotation.comments.length === 0 && <p className="muted">{t("viewerPanel.thread.empty")}</p>}
      <AnswerForm versionId={versionId} annotationId={annotation.id} />
    </section>
  );
}

function Message({ author, at, body }: { author: string; at: string; body: string }) {
  const { i18n } = useTranslation();
  return (
    <li className="remark-thread__message" data-testid="remark-message">
      <p className="remark-thread__meta">
        <strong>{author}</strong>{" "}
        <time className="muted" dateTime={at}>
          {formatDateTime(at, i18n.language)}
        </time>
      </p>
      <p className="remark-thread__body">{body}</p>
    </li>
  );
}

/**
 * The status select and the visibility switch. Each change sends the cached revision; a 409
 * (someone changed the remark meanwhile) shows the API's message and reloads the remarks.
 */
function RemarkModeration({
  versionId,
  annotation,
}: {
  versionId: string;
  annotation: Annotation;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const writer = useAnnotationWriter(versionId);
  const update = useMutation<Annotation, Error, AnnotationPatch>({
    mutationFn: (patch) => writer.update(annotation.id, patch),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: annotationsQueryKey(versionId) });
      }
    },
  });
  // While a change is on its way, show what was asked for rather than jump back.
  const asked = update.isPending ? update.variables : undefined;
  const status = asked?.status ?? remarkStatus(annotation) ?? "open";
  const shared = (asked?.visibility ?? annotation.visibility) === "shared";

  return (
    <div className="remark-thread__moderation">
      <Field label={t("viewerPanel.thread.status")}>
        <select
          value={status}
          disabled={update.isPending}
          onChange={(event) => {
            const next = event.target.value;
            if (isRemarkStatus(next)) update.mutate({ status: next });
          }}
        >
          {REMARK_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`viewerPanel.statuses.${value}`)}
            </option>
          ))}
        </select>
      </Field>
      <label className="remark-thread__switch">
        <input
          type="checkbox"
          role="switch"
          checked={shared}
          disabled={update.isPending}
          onChange={(event) =>
            update.mutate({ visibility: event.target.checked ? "shared" : "internal" })
          }
        />{" "}
        {t("viewerPanel.thread.shared")}
      </label>
      <MutationError error={update.error} />
    </div>
  );
}

function AnswerForm({ versionId, annotationId }: { versionId: string; annotationId: string }) {
  const { t } = useTranslation();
  const addComment = useAddComment(versionId, annotationId);
  const [body, setBody] = useState("");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = body.trim();
    if (!text || addComment.isPending) return;
    addComment.mutate(text, { onSuccess: () => setBody("") });
  };

  return (
    <form className="form remark-thread__answer" onSubmit={onSubmit} noValidate>
      <MutationError error={addComment.error} fields={["body"]} />
      <Field
        label={t("viewerPanel.thread.answer")}
        errors={fieldErrorsOf(addComment.error, "body")}
      >
        <textarea
          name="comment_body"
          rows={3}
          required
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button" disabled={addComment.isPending}>
          {addComment.isPending ? t("viewerPanel.thread.sending") : t("viewerPanel.thread.send")}
        </button>
      </div>
    </form>
  );
}
