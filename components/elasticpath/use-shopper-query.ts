"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { implicitTokenQuery } from "./implicit-token-query";
import { ShopperError, type Implicit } from "./shopper-requests";

const isExpired = (error: unknown) => error instanceof ShopperError && error.kind === "expired";

/**
 * A read the shopper may make, with the implicit token (from the query cache) plus the shopper token. Not
 * cached past the component (gcTime 0: nothing of the shopper's outlives the session). A shopper token
 * Elastic Path no longer accepts ends the session (`onExpired`); "not found" is an answer, not retried.
 */
export function useShopperQuery<T>(
  connectionId: string,
  queryKey: unknown[],
  read: (implicit: Implicit) => Promise<T>,
  onExpired: (message: string) => void,
) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["elasticpath", "shopper", connectionId, ...queryKey],
    queryFn: async () => read(await queryClient.fetchQuery(implicitTokenQuery(connectionId))),
    retry: (count, error) => !(isExpired(error) || (error instanceof ShopperError && error.kind === "not_found")) && count < 1,
    gcTime: 0,
  });
  const expired = isExpired(query.error);
  useEffect(() => {
    if (expired) onExpired(query.error!.message);
  }, [expired, query.error, onExpired]);
  return { ...query, expired };
}
