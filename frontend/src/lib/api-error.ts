/** The API's error body: `{type, title, detail, errors?: {field: [messages]}}`. */
export type ApiErrorBody = {
  type?: string;
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
};

export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(status: number, body: unknown) {
    const parsed = toErrorBody(body);
    super(parsed.detail || parsed.title || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.body = parsed;
  }

  /** Messages for one field, or an empty list. */
  fieldErrors(field: string): string[] {
    return this.body.errors?.[field] ?? [];
  }
}

function toErrorBody(body: unknown): ApiErrorBody {
  if (!body || typeof body !== "object") return {};
  const raw = body as Record<string, unknown>;
  const result: ApiErrorBody = {};
  if (typeof raw.type === "string") result.type = raw.type;
  if (typeof raw.title === "string") result.title = raw.title;
  if (typeof raw.detail === "string") result.detail = raw.detail;
  if (raw.errors && typeof raw.errors === "object") {
    const errors: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(raw.errors as Record<string, unknown>)) {
      if (Array.isArray(messages)) errors[field] = messages.map(String);
      else if (typeof messages === "string") errors[field] = [messages];
    }
    result.errors = errors;
  }
  return result;
}

/**
 * Turns an openapi-fetch result into its data or a thrown ApiError, so react-query sees
 * failures as errors.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  if (result.response.ok) return undefined as T;
  throw new ApiError(result.response.status, result.error);
}

/** fetch rejects with a TypeError when no response arrived (offline, connection reset…). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}

/** The API's messages for one field when `error` is an ApiError; otherwise none. */
export function fieldErrorsOf(error: unknown, field: string): string[] {
  return error instanceof ApiError ? error.fieldErrors(field) : [];
}
