import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";

/** A procedure type as the public pages name it. */
export type PublicProcedure = { code: string; name_fr: string; name_en: string };

/** A commission the map can be filtered on. */
export type PublicCommission = { id: string; name: string };

export type MapConfig = {
  /** A {z}/{x}/{y} tile URL, or "" for no base layer. */
  tile_url: string;
  attribution: string;
  procedure_types: PublicProcedure[];
  /** The active commissions, for the map's filter. */
  commissions: PublicCommission[];
};

function toProcedure(entry: Record<string, unknown>): PublicProcedure | null {
  const { code, name_fr, name_en } = entry;
  if (typeof code !== "string" || !code) return null;
  const fr = typeof name_fr === "string" && name_fr ? name_fr : code;
  const en = typeof name_en === "string" && name_en ? name_en : fr;
  return { code, name_fr: fr, name_en: en };
}

function toCommission(entry: Record<string, unknown>): PublicCommission | null {
  const { id, name } = entry;
  if (typeof id !== "string" || !id) return null;
  return { id, name: typeof name === "string" && name ? name : id };
}

/** The base layer (configured by the operator), the procedure types and the commissions; public. */
export async function getMapConfig(): Promise<MapConfig> {
  const config = unwrap(await apiClient.GET("/api/v1/public/map-config/"));
  return {
    tile_url: config.tile_url,
    attribution: config.attribution,
    procedure_types: config.procedure_types
      .map(toProcedure)
      .filter((procedure): procedure is PublicProcedure => procedure !== null),
    commissions: config.commissions
      .map(toCommission)
      .filter((commission): commission is PublicCommission => commission !== null),
  };
}

export const mapConfigQueryOptions = () =>
  queryOptions({
    queryKey: ["portal", "map-config"] as const,
    queryFn: getMapConfig,
    staleTime: 10 * 60_000,
  });

export function useMapConfig() {
  return useQuery(mapConfigQueryOptions());
}

/** A procedure's name in the page's language. */
export function procedureName(
  procedure: { name_fr: string; name_en: string },
  language: string,
): string {
  return language.startsWith("en") ? procedure.name_en : procedure.name_fr;
}
