import type { components } from "@/api/client";

export type Inquiry = components["schemas"]["Inquiry"];
export type InquiryOpenInput = components["schemas"]["InquiryOpenRequest"];
export type PublicInquiry = components["schemas"]["PublicInquiry"];
export type InquiryDocument = components["schemas"]["InquiryDocument"];
export type Observation = components["schemas"]["Observation"];
export type ObservationAttachment = components["schemas"]["Attachment"];
export type ObservationKind = components["schemas"]["ObservationSubmitKindEnum"];
export type ObservationReceipt = components["schemas"]["ObservationReceipt"];

export const inquiryKeys = {
  /** A dossier's inquiries (with their number of observations for the desk). */
  dossier: (dossierId: string) => ["inquiries", "dossier", dossierId] as const,
  /** One inquiry's observations, with their authors (the desk only). */
  observations: (inquiryId: string) => ["inquiries", "observations", inquiryId] as const,
  /** The inquiries open now, on the public page. */
  public: ["inquiries", "public"] as const,
};
