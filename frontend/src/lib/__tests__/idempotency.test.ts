import { describe, expect, it } from "vitest";
import { IdempotentSubmission } from "../idempotency";
import { pageFromLink } from "../pagination";

function counter() {
  let n = 0;
  return () => `key-${++n}`;
}

describe("IdempotentSubmission", () => {
  it("keeps the key for the same input until it succeeds", () => {
    const submission = new IdempotentSubmission(counter());
    expect(submission.keyFor({ title: "A" })).toBe("key-1");
    expect(submission.keyFor({ title: "A" })).toBe("key-1");
    submission.succeeded();
    expect(submission.keyFor({ title: "A" })).toBe("key-2");
  });

  it("makes a new key when the input changes", () => {
    const submission = new IdempotentSubmission(counter());
    expect(submission.keyFor({ title: "A" })).toBe("key-1");
    expect(submission.keyFor({ title: "B" })).toBe("key-2");
    expect(submission.keyFor({ title: "A" })).toBe("key-3");
  });
});

describe("pageFromLink", () => {
  it("reads the page number of a DRF link, whatever its origin", () => {
    expect(pageFromLink("http://testserver/api/v1/x/?page=3&page_size=20")).toBe(3);
    expect(pageFromLink("/api/v1/x/?page_size=20")).toBe(1);
    expect(pageFromLink(null)).toBeUndefined();
    expect(pageFromLink("http://testserver/api/v1/x/?page=zero")).toBeUndefined();
  });
});
