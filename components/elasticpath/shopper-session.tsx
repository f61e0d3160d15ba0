"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { ShopperActivity } from "./shopper-activity";
import { ShopperRecord } from "./shopper-record";
import { readAccount, readCustomer, type MemberSession, type ShopperSession } from "./shopper-requests";

const clock = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;

type EndSession = (message: string | null) => void;

function MemberView({
  connectionId,
  session,
  onChange,
  onEnd,
}: {
  connectionId: string;
  session: MemberSession;
  onChange: (s: MemberSession) => void;
  onEnd: EndSession;
}) {
  const current = session.accounts.find((a) => a.accountId === session.accountId) ?? null;
  return (
    <div className="space-y-3">
      {session.accounts.length > 1 && (
        <div role="group" aria-label="Accounts" className="flex flex-wrap items-center gap-2 text-sm">
          <span>{current ? "Switch account:" : "This member belongs to several accounts. Choose one:"}</span>
          {session.accounts.map((a) => (
            <Button
              key={a.accountId}
              variant={a.accountId === session.accountId ? "primary" : "secondary"}
              aria-pressed={a.accountId === session.accountId}
              onClick={() => onChange({ ...session, accountId: a.accountId })}
            >
              {a.accountName}
            </Button>
          ))}
        </div>
      )}
      {current && (
        <ShopperRecord
          key={current.accountId}
          connectionId={connectionId}
          label="Account details"
          queryKey={["account", current.token]}
          read={(implicit) => readAccount(implicit, current)}
          rows={(a) => [
            ["Account", a.name],
            ["Legal name", a.legalName ?? "—"],
            ["Account id", a.id],
          ]}
          onExpired={onEnd}
        />
      )}
      {current && (
        <ShopperActivity
          key={`activity-${current.accountId}`}
          connectionId={connectionId}
          auth={{ kind: "account", accountId: current.accountId, token: current.token }}
          onExpired={onEnd}
        />
      )}
    </div>
  );
}

/** The signed-in shopper: who, until when, their own records; sign out forgets the token. */
export function ShopperSessionView({
  connectionId,
  session,
  onChange,
  onEnd,
}: {
  connectionId: string;
  session: ShopperSession;
  onChange: (s: ShopperSession) => void;
  onEnd: EndSession;
}) {
  const expiresAt =
    session.kind === "customer"
      ? session.expiresAt
      : (session.accounts.find((a) => a.accountId === session.accountId) ?? session.accounts[0]!).expiresAt;
  useEffect(() => {
    // The token's own lifetime: back to sign-in the moment it ends, even without a request.
    const timer = setTimeout(
      () => onEnd("The shopper token expired. Sign in again."),
      Math.min(2 ** 31 - 1, Math.max(0, expiresAt - Date.now())),
    );
    return () => clearTimeout(timer);
  }, [expiresAt, onEnd]);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm" data-testid="shopper-status">
          {session.kind === "customer" ? "Signed in as a customer" : "Signed in as an account member"}; the shopper token (kept in
          this page&apos;s memory only) expires at {clock(expiresAt)}.
        </p>
        <Button variant="secondary" onClick={() => onEnd(null)}>
          Sign out shopper
        </Button>
      </div>
      {session.kind === "customer" ? (
        <ShopperRecord
          connectionId={connectionId}
          label="Customer details"
          queryKey={["customer", session.token]}
          read={(implicit) => readCustomer(implicit, session)}
          rows={(c) => [
            ["Name", c.name],
            ["Email", c.email],
            ["Customer id", c.id],
          ]}
          onExpired={onEnd}
        />
      ) : (
        <MemberView connectionId={connectionId} session={session} onChange={onChange} onEnd={onEnd} />
      )}
      {session.kind === "customer" && (
        <ShopperActivity
          connectionId={connectionId}
          auth={{ kind: "customer", customerId: session.customerId, token: session.token }}
          onExpired={onEnd}
        />
      )}
    </div>
  );
}
