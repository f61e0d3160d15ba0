import type { Metadata } from "next";
import { AddUserForm } from "@/components/users/add-user-form";
import { userEmailCellId } from "@/components/users/ids";
import { UserAccessControls } from "@/components/users/user-access-controls";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole, roleLabel } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/auth/users";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requireUser();
  const isOwner = hasRole(me.role, "OWNER");
  const users = await listUsers();
  const activeOwners = users.filter((u) => u.role === "OWNER" && u.active).length;
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in to this dashboard, and what each role may do. At least one active owner always remains."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <DataTable
          label="Users"
          caption="Accounts"
          columns={["Email", "Role", "Status", "Last sign-in (UTC)", ...(isOwner ? ["Manage"] : [])]}
          className="relative min-w-0 lg:col-span-2"
        >
          {users.map((u) => (
            <tr key={u.id} data-testid={`user-row-${u.email}`}>
              <td id={userEmailCellId(u.id)} className="px-3 py-2 whitespace-nowrap">
                {u.email}
              </td>
              <td className="px-3 py-2">{roleLabel[u.role]}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {u.active ? "Active" : "Deactivated"}
                {u.id === me.id && <span className="ml-1 text-xs text-zinc-600 dark:text-zinc-400">(you)</span>}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {u.lastSignInAt?.toISOString().replace("T", " ").slice(0, 16) ?? "Never"}
              </td>
              {isOwner && (
                <td className="px-3 py-2">
                  <UserAccessControls user={{ id: u.id, email: u.email, role: u.role, active: u.active, isMe: u.id === me.id }} />
                </td>
              )}
            </tr>
          ))}
        </DataTable>
        <div className="min-w-0 space-y-6">
          <Card>
            <h2 className="mb-4 text-lg font-semibold">Add an account</h2>
            {!isOwner && (
              <div className="mb-4">
                <Alert tone="info">
                  Only owners can add and manage accounts; your role ({roleLabel[me.role]}) can view this page.
                </Alert>
              </div>
            )}
            <AddUserForm />
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold">Roles</h2>
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="font-medium">Owner ({activeOwners} active)</dt>
                <dd className="text-zinc-700 dark:text-zinc-300">Everything an admin does, plus managing accounts.</dd>
              </div>
              <div>
                <dt className="font-medium">Admin</dt>
                <dd className="text-zinc-700 dark:text-zinc-300">Connects stores, manages keys and tokens, changes settings.</dd>
              </div>
              <div>
                <dt className="font-medium">Viewer</dt>
                <dd className="text-zinc-700 dark:text-zinc-300">Reads everything, changes nothing.</dd>
              </div>
            </dl>
          </Card>
        </div>
      </div>
    </>
  );
}
