import type { ApiCaller } from "./authenticate";

/** What the unified API's middleware hands the routes: the authenticated caller, and for the log the platform's status. */
export type ApiEnv = {
  Variables: {
    caller: ApiCaller;
    upstreamStatus: number | undefined;
    /** The token's RateLimit headers, set on whatever the call answers (success or problem). */
    rateHeaders: Record<string, string> | undefined;
  };
};
