// Shared by the server page and the client controls (a "use client" module's helpers can't run on the server).

/** The id of an account row's email cell, which describes the row's "Manage" button. */
export const userEmailCellId = (userId: string) => `user-email-${userId}`;
