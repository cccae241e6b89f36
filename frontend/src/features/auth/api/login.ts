import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { ApiError, unwrap } from "@/lib/api-error";
import { tokenStore, type Tokens } from "@/lib/token-store";

export type LoginInput = components["schemas"]["TokenObtainPairRequest"];

/** The schema documents no body for the token endpoint, so the pair is checked at run time. */
function isTokenPair(value: unknown): value is Tokens {
  return (
    !!value &&
    typeof value === "object" &&
    "access" in value &&
    "refresh" in value &&
    typeof value.access === "string" &&
    typeof value.refresh === "string"
  );
}

export async function login(input: LoginInput): Promise<Tokens> {
  const result = await apiClient.POST("/api/v1/auth/token/", { body: input, parseAs: "json" });
  const data: unknown = unwrap(result);
  if (!isTokenPair(data)) throw new ApiError(result.response.status, { detail: "" });
  return data;
}

export const loginMutationOptions = (): UseMutationOptions<Tokens, ApiError, LoginInput> => ({
  mutationFn: login,
  onSuccess: (tokens) => tokenStore.set({ access: tokens.access, refresh: tokens.refresh }),
});

export function useLogin() {
  return useMutation(loginMutationOptions());
}
