// Loaded only by `prisma dev`, which Storelink does not use (see README, "Node version").
throw new Error("@prisma/streams-local is stubbed out in Storelink: `prisma dev` is not supported.");
