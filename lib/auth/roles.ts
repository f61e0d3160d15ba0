// Roles are ordered: each includes what the ones below it may do. Importable from client code.
export const ROLES = ["VIEWER", "ADMIN", "OWNER"] as const;
export type Role = (typeof ROLES)[number];

export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

export const roleLabel: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", VIEWER: "Viewer" };
