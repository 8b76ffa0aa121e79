import { CSRF_FIELD } from "~/agent/csrf";
import { useConsole } from "./use-console";

/** The session's cross-site request token, which every console form posts back. */
export function CsrfField({ token }: { token?: string }) {
  const { csrfToken } = useConsole();
  return <input type="hidden" name={CSRF_FIELD} value={token ?? csrfToken} />;
}
