import { useDocumentWords } from "./words";

/** Being signed (amber), signed (green) or withdrawn (grey). */
export function DocumentStatusBadge({ status }: { status: string }) {
  const words = useDocumentWords();
  return (
    <span className={`badge badge--document-${status}`} data-status={status}>
      {words.status(status)}
    </span>
  );
}
