/**
 * TikTok's public pages the guides link to: only addresses confirmed in a stored copy of the page or
 * in a named public source, each kept with that source. A TikTok Shop Help Center address could not be
 * confirmed, so the guides describe the way there (Seller Center > Profile > Help & Support) instead.
 */
export interface TikTokLink {
  readonly id: "sellerCenterUs" | "academySupportNavigation";
  readonly url: string;
  readonly labelKey: string;
  /** Where the address was confirmed. */
  readonly source: string;
}

export const TIKTOK_LINKS: readonly TikTokLink[] = [
  {
    id: "sellerCenterUs",
    url: "https://seller-us.tiktok.com/",
    labelKey: "links.sellerCenterUs",
    source: "“How to Log in to TikTok Shop Seller Center?”, Supliful (2025), naming it the US Seller Center",
  },
  {
    id: "academySupportNavigation",
    url: "https://seller-us.tiktok.com/university/course?content_id=1113059151578894&learning_id=7433881557567287",
    labelKey: "links.academySupportNavigation",
    source: "TikTok Shop Academy, “Seller Support Navigation” (the page itself)",
  },
];
