import type { ReactNode } from "react";
import { roleLabel, type Role } from "@/lib/auth/roles";
import { Alert } from "./alert";

/** Tells a user whose role cannot change this page what they can still do (the server refuses the rest). */
export function ReadOnlyNotice({ role, children }: { role: Role; children: ReactNode }) {
  return (
    <Alert tone="info" title={`Read-only for your role (${roleLabel[role]})`}>
      {children}
    </Alert>
  );
}
