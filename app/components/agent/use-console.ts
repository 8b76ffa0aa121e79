import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/agent";

/** The console layout's data: the signed-in agent, the session's cross-site request token, their time zone. */
export function useConsole() {
  const data = useRouteLoaderData<typeof loader>("routes/agent");
  return { agent: data?.agent ?? null, csrfToken: data?.csrfToken ?? "", timeZone: data?.timeZone ?? null };
}
