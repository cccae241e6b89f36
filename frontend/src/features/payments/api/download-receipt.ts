import { useMutation } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { saveFile } from "@/lib/save-file";
import type { Payment } from "./get-payments";

/** The receipt PDF; served only with the Bearer token, so fetched and saved as a file. */
export async function getReceipt(paymentId: string): Promise<Blob> {
  return unwrap(
    await apiClient.GET("/api/v1/payments/{payment_id}/receipt/", {
      params: { path: { payment_id: paymentId } },
      parseAs: "blob",
    }),
  );
}

export function useDownloadReceipt() {
  return useMutation<void, Error, Payment>({
    mutationFn: async (payment) => {
      const name = payment.receipt_number || payment.id;
      saveFile(await getReceipt(payment.id), `recu-${name}.pdf`);
    },
  });
}
