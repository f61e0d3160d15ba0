"use client";

import { useState } from "react";
import { dismissNewToken } from "@/lib/actions/dismiss-new-token";
import { TokenReveal } from "./token-reveal";

/**
 * The unified token a connect flow just minted, shown once. Closing the dialog clears its cookie (clearing
 * it on open would re-render the page without the token while the admin is still copying it).
 */
export function NewTokenNotice({ token }: { token: string }) {
  const [shown, setShown] = useState<string | null>(token);
  return (
    <TokenReveal
      token={shown}
      title="Store connected: its unified token"
      onClose={() => {
        setShown(null);
        void dismissNewToken({});
      }}
    />
  );
}
