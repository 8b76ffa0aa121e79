/**
 * Whether a request failed without an answer from the server. `fetch` rejects with a TypeError then
 * (the Fetch standard's "network error"), whatever the browser's wording ("Failed to fetch",
 * "NetworkError when attempting to fetch resource", "Load failed").
 */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError;
}
