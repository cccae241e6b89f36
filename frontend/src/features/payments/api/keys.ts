export const paymentKeys = {
  forDossier: (dossierId: string) => ["payments", "dossier", dossierId] as const,
  detail: (paymentId: string) => ["payments", "detail", paymentId] as const,
};
