import { isCategoryId, routeOf } from "../taxonomy";

/** Where the merchant opens a TikTok guide inside the app. */
export const guidePath = (category: string) => `/app/support/guides/${category}`;

/** A line that is exactly a TikTok guide's path (as "Send the TikTok guide" writes it) is that guide's link. */
export function guideLinkOf(line: string): string | null {
  const match = /^\/app\/support\/guides\/([a-z_]+)$/.exec(line);
  const category = match?.[1];
  return category && isCategoryId(category) && routeOf(category) === "tiktok_guide"
    ? guidePath(category)
    : null;
}
