import type { EpAccount, EpAccountMember, EpAccountMembershipList, EpCustomer, EpPasswordProfile } from "./types";

// Elastic Path shopper records → what the dashboard shows (no password, only whether one is set).

export type ShopperCustomer = { id: string; name: string; email: string; hasPassword: boolean; createdAt: string | null };
export type ShopperAccount = {
  id: string;
  name: string;
  legalName: string | null;
  createdAt: string | null;
  memberIds: string[];
};
export type ShopperMember = { id: string; name: string; email: string };
export type PasswordProfile = { id: string; name: string };

export const reshapeCustomer = (c: EpCustomer): ShopperCustomer => ({
  id: c.id,
  name: c.name,
  email: c.email,
  hasPassword: c.password === true,
  createdAt: c.meta?.timestamps?.created_at ?? null,
});
export const reshapeAccount = (a: EpAccount, memberships: EpAccountMembershipList): ShopperAccount => ({
  id: a.id,
  name: a.name,
  legalName: a.legal_name ?? null,
  createdAt: a.meta?.timestamps?.created_at ?? null,
  memberIds: memberships.data.flatMap((m) => m.relationships?.account_member?.data?.id ?? []),
});
export const reshapeMember = (m: EpAccountMember): ShopperMember => ({ id: m.id, name: m.name, email: m.email });
export const reshapePasswordProfile = (p: EpPasswordProfile): PasswordProfile => ({ id: p.id, name: p.name });
