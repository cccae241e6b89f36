export const paymentKeys = {
  forDossier: (dossierId: string) => ["payments", "dossier", dossierId] as const,
  /** Under the dossier's payments: invalidating those (a payment settled, a refund) refetches it. */
  fee: (dossierId: string) => ["payments", "dossier", dossierId, "fee"] as const,
  detail: (paymentId: string) => ["payments", "detail", paymentId] as const,
};
