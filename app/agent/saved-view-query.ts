/** Page positions and the selected view belong to the moment a view was saved, not to the view. */
const NOT_SAVED = ["after", "before", "savedView"];

/** The queue's search string a saved view keeps: its filters, search and sort. */
export function viewQueryOf(search: string): string {
  const params = new URLSearchParams(search);
  for (const key of NOT_SAVED) params.delete(key);
  return params.toString();
}
