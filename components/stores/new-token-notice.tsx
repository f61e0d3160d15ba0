"use client";

import { useState } from "react";
import { TokenReveal } from "./token-reveal";

/**
 * The unified token a connect flow just minted, shown once. The cookie that carried it is already gone (the
 * proxy cleared it on the response that rendered this), so the dialog keeps the token it was first given:
 * a later re-render of the page, which has no token any more, does not close it while the admin copies it.
 */
export function NewTokenNotice({ token }: { token: string | null }) {
  const [shown, setShown] = useState<string | null>(token);
  return <TokenReveal token={shown} title="Store connected: its unified token" onClose={() => setShown(null)} />;
}
