import "server-only";
import { htmlPage } from "@/lib/http/html-page";
import type { ConnectSessionError } from "./connect-sessions";

// What a merchant reads when a connect link cannot be used. No input is echoed; each reason has its text.

const REASONS: Record<string, { title: string; lead: string }> = {
  not_found: {
    title: "This connect link is not valid",
    lead: "The link is incomplete or was not made by Storelink. Go back to the app and start connecting again.",
  },
  expired: {
    title: "This connect link has expired",
    lead: "Connect links work for 30 minutes. Go back to the app and start connecting again.",
  },
  used: {
    title: "This connect link was already used",
    lead: "Each link opens once, in one browser. Go back to the app and start connecting again.",
  },
};

export function connectRefusalPage(code: ConnectSessionError["code"]): Response {
  const reason = REASONS[code] ?? REASONS.not_found!;
  return htmlPage({
    status: code === "expired" ? 410 : code === "used" ? 409 : 404,
    tone: "error",
    title: reason.title,
    lead: `${reason.lead} Nothing was connected.`,
  });
}
