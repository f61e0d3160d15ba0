"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { createElasticPathImplicitToken } from "@/lib/actions/elasticpath/create-implicit-token";

export type ImplicitToken = { accessToken: string; expiresAt: number; baseUrl: string; receivedAt: number };

/** Ask for a new token this long before the old one expires: a quarter of its life, at most a minute. */
export function renewalLeadMs(token: ImplicitToken): number {
  return Math.min(60_000, Math.max(500, (token.expiresAt - token.receivedAt) / 4));
}

const msUntilRenewal = (token: ImplicitToken) => Math.max(0, token.expiresAt - renewalLeadMs(token) - Date.now());

/** The shopper (implicit) token for a connection, from a server action; stale shortly before it expires. */
export function implicitTokenQuery(connectionId: string) {
  return queryOptions({
    queryKey: ["elasticpath", "implicit-token", connectionId],
    queryFn: async (): Promise<ImplicitToken> => {
      const result = await createElasticPathImplicitToken({ connectionId });
      if (!result.ok) throw new Error(result.error);
      return { ...result.data, receivedAt: Date.now() };
    },
    staleTime: (query) => (query.state.data ? msUntilRenewal(query.state.data) : 0),
  });
}

/** The current implicit token, renewed in the background before it expires. */
export function useImplicitToken(connectionId: string) {
  return useQuery({
    ...implicitTokenQuery(connectionId),
    refetchInterval: (query) => (query.state.data ? Math.max(500, msUntilRenewal(query.state.data)) : false),
    refetchIntervalInBackground: true,
  });
}
