import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import type { ShopperDirectory } from "@/lib/connections/elasticpath/shoppers";

const cell = "px-3 py-2";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The store's customers, accounts, account members and password profiles, as Elastic Path lists them. */
export function ShopperTables({ directory }: { directory: ShopperDirectory }) {
  const { customers, accounts, members, passwordProfiles, realmId } = directory;
  const memberName = new Map(members.map((m) => [m.id, `${m.name} (${m.email})`]));
  return (
    <div className="space-y-8">
      <Section id="customers-heading" title={`Customers (${customers.length})`}>
        {customers.length === 0 ? (
          <EmptyState title="No customers yet">Customers sign in to a storefront with their email and password.</EmptyState>
        ) : (
          <DataTable label="Customers" columns={["Name", "Email", "Password", "Created"]}>
            {customers.map((c) => (
              <tr key={c.id} data-testid="customer-row">
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {c.name}
                </th>
                <td className={cell}>{c.email}</td>
                <td className={cell}>{c.hasPassword ? "Set" : "None"}</td>
                <td className={`${cell} whitespace-nowrap`}>{formatTimestamp(c.createdAt, "—")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section id="accounts-heading" title={`Accounts (${accounts.length})`}>
        {accounts.length === 0 ? (
          <EmptyState title="No accounts yet">Accounts group the members of a business buyer (B2B).</EmptyState>
        ) : (
          <DataTable label="Accounts" columns={["Name", "Legal name", "Members", "Created"]}>
            {accounts.map((a) => (
              <tr key={a.id} data-testid="account-row">
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {a.name}
                </th>
                <td className={cell}>{a.legalName ?? "—"}</td>
                <td className={cell}>{a.memberIds.map((id) => memberName.get(id) ?? id).join(", ") || "None"}</td>
                <td className={`${cell} whitespace-nowrap`}>{formatTimestamp(a.createdAt, "—")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section id="members-heading" title={`Account members (${members.length})`}>
        {members.length === 0 ? (
          <EmptyState title="No account members yet" />
        ) : (
          <DataTable label="Account members" columns={["Name", "Email"]}>
            {members.map((m) => (
              <tr key={m.id} data-testid="member-row">
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {m.name}
                </th>
                <td className={cell}>{m.email}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section id="profiles-heading" title="Password profiles">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Account authentication realm: <code className="font-mono">{realmId ?? "none"}</code>
        </p>
        {passwordProfiles.length === 0 ? (
          <EmptyState title="No password profiles">
            Account members can sign in with a password only through a password profile.
          </EmptyState>
        ) : (
          <ul aria-label="Password profiles" className="list-inside list-disc text-sm">
            {passwordProfiles.map((p) => (
              <li key={p.id}>
                {p.name} <code className="font-mono text-xs">{p.id}</code>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
