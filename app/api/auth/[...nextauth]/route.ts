// next-auth's own endpoints (session, CSRF, callbacks).
import { handlers } from "@/lib/auth";

export const { GET, POST } = handlers;
