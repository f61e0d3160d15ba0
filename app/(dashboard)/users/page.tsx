import type { Metadata } from "next";
import { AddUserForm } from "@/components/users/add-user-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole, roleLabel } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requireUser();
  const users = await db.user.findMany({ orderBy: { createdAt: "asc" } });
  return (
    <>
      <PageHeader title="Users" description="Who can sign in to this dashboard, and what each role may do." />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="overflow-x-auto rounded-lg border border-zinc-200 lg:col-span-2 dark:border-zinc-800">
          <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            <thead className="bg-zinc-100 text-left dark:bg-zinc-900">
              <tr>
                {["Email", "Role", "Status", "Last sign-in (UTC)"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
              {users.map((u) => (
                <tr key={u.id}>
                  <td className="px-3 py-2">{u.email}</td>
                  <td className="px-3 py-2">{roleLabel[u.role]}</td>
                  <td className="px-3 py-2">{u.active ? "Active" : "Deactivated"}</td>
                  <td className="px-3 py-2">{u.lastSignInAt?.toISOString().replace("T", " ").slice(0, 16) ?? "Never"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Card>
          <h2 className="mb-4 text-lg font-semibold">Add an account</h2>
          {!hasRole(me.role, "OWNER") && (
            <div className="mb-4">
              <Alert tone="info">Only owners can add accounts; your role ({roleLabel[me.role]}) can view this page.</Alert>
            </div>
          )}
          <AddUserForm />
        </Card>
      </div>
    </>
  );
}
