/**
 * What each TikTok-channel guide says, as structure and facts. Human text lives in the `guides`
 * i18n namespace and is referenced here by key (every property named `…Key` or `…Keys`);
 * addresses, numbers and dates live here once.
 */
import { channelsOf, type CategoryId, type Channel } from "../taxonomy";
import type { RegionRow } from "./regions";

/** Every channel except SPL's own ticket has a guide. */
export type GuideChannel = Exclude<Channel, "spl_ticket">;

/** The public documents the guides are drawn from. */
export type SourceId =
  "splArticle" | "customerServiceArticle" | "sellerSupportNavigation" | "shippingContactsArticle";

/** Calendar date, YYYY-MM-DD. */
export type IsoDate = `${number}-${number}-${number}`;

export interface Source {
  readonly title: string;
  readonly publisher: string;
  readonly checkedOn: IsoDate;
}

export const SOURCES: Readonly<Record<SourceId, Source>> = {
  // SPL's own article states "Aggiornato il: 11/07/2025".
  splArticle: {
    title: "Come contattare il supporto ufficiale di TikTok Shop",
    publisher: "SPL, help article for the TikTok Shop – SPL app",
    checkedOn: "2025-07-11",
  },
  customerServiceArticle: {
    title: "How to Contact TikTok Shop Customer Service",
    publisher: "unsigned web article",
    checkedOn: "2026-11-23",
  },
  sellerSupportNavigation: {
    title: "Seller Support Navigation",
    publisher: "TikTok Shop Academy (Seller University)",
    checkedOn: "2026-11-23",
  },
  shippingContactsArticle: {
    title: "TikTok Global Shipping Contact Number",
    publisher: "unsigned web article",
    checkedOn: "2026-11-23",
  },
};

/**
 * The only legible TikTok address in the sources (SPL's article); "How to Contact TikTok Shop Customer
 * Service" and "TikTok Global Shipping Contact Number" show theirs obfuscated.
 */
export const SELLER_SUPPORT_EMAIL = "sellersupport@tiktok.com";

/** Merchant inputs that can fill a field TikTok asks for. */
export type MerchantField = "shopName" | "tiktokUsername" | "description" | "orderId";

export interface FormField {
  readonly labelKey: string;
  readonly fills?: MerchantField;
}

export type InterpolationValues = Readonly<Record<string, string | number>>;

export type GuideSection =
  | {
      readonly kind: "list";
      readonly headingKey: string;
      readonly itemKeys: readonly string[];
      readonly ordered?: boolean;
    }
  | { readonly kind: "path"; readonly headingKey: string; readonly segmentKeys: readonly string[] }
  | { readonly kind: "fields"; readonly headingKey: string; readonly fields: readonly FormField[] }
  | {
      readonly kind: "definitions";
      readonly headingKey: string;
      readonly items: readonly { readonly termKey: string; readonly descriptionKey: string }[];
    }
  | {
      readonly kind: "regions";
      readonly headingKey: string;
      readonly rows: readonly (
        | { readonly row: RegionRow; readonly regionKey: string; readonly address: string }
        | { readonly row: RegionRow; readonly regionKey: string; readonly alternativeKey: string }
      )[];
    }
  /** A way to reach TikTok without a guide of its own: when it fits, how to get there, where it is from. */
  | {
      readonly kind: "otherWay";
      readonly headingKey: string;
      readonly whenKey: string;
      readonly pathKeys?: readonly string[];
      readonly stepKeys: readonly string[];
      readonly sources: readonly SourceId[];
      /** Shown only on these categories' pages: the way fits a narrower case than the guide around it. */
      readonly onlyFor?: readonly CategoryId[];
    }
  | {
      readonly kind: "note";
      readonly tone: "info" | "warning";
      readonly textKey: string;
      readonly values?: InterpolationValues;
    }
  /** Prefilled email to TikTok, built from what the merchant typed. */
  | { readonly kind: "mailto" }
  /** Tracking-number field with live carrier recognition. */
  | { readonly kind: "trackingLookup" }
  /** The carrier contact table from carriers.ts. */
  | { readonly kind: "carrierTable" };

export interface Guide {
  readonly channel: GuideChannel;
  readonly titleKey: string;
  readonly introKey: string;
  readonly sections: readonly GuideSection[];
  readonly sources: readonly SourceId[];
  /** The oldest check date among the guide's sources: the guide is only as fresh as its stalest fact. */
  readonly lastChecked: IsoDate;
}

/**
 * "How to Contact TikTok Shop Customer Service": reporting from the TikTok app needs no Seller Center,
 * which a suspended seller cannot open.
 */
const IN_APP_REPORT: GuideSection = {
  kind: "otherWay",
  headingKey: "ways.inAppReport.heading",
  whenKey: "ways.inAppReport.when",
  pathKeys: ["path.tiktokApp", "path.profile", "path.menu", "path.settingsAndPrivacy", "path.reportAProblem"],
  stepKeys: ["ways.inAppReport.steps.choose", "ways.inAppReport.steps.follow"],
  sources: ["customerServiceArticle"],
};

/** Both unsigned articles list the same accounts and, the shipping one, the advice to write privately. */
const SOCIAL_ACCOUNTS: GuideSection = {
  kind: "otherWay",
  headingKey: "ways.social.heading",
  whenKey: "ways.social.when",
  stepKeys: ["ways.social.accounts.x", "ways.social.accounts.facebook", "ways.social.accounts.instagram"],
  sources: ["customerServiceArticle", "shippingContactsArticle"],
};

const PHONE: GuideSection = {
  kind: "otherWay",
  headingKey: "ways.phone.heading",
  whenKey: "ways.phone.when",
  stepKeys: ["ways.phone.steps.find", "ways.phone.steps.call", "ways.phone.steps.prompts"],
  sources: ["customerServiceArticle"],
};

const HELP_CENTER_LIVE_CHAT: GuideSection = {
  kind: "otherWay",
  headingKey: "ways.helpCenterLiveChat.heading",
  whenKey: "ways.helpCenterLiveChat.when",
  stepKeys: [
    "helpCenterTicket.steps.openHelpCenter",
    "ways.helpCenterLiveChat.steps.find",
    "ways.helpCenterLiveChat.steps.start",
  ],
  sources: ["customerServiceArticle"],
};

/**
 * Payouts go to the chat first ("Seller Support Navigation"), but only SPL's article's Help Center
 * ticket takes uploaded documents.
 */
const PAYOUT_DOCUMENTS_TICKET: GuideSection = {
  kind: "otherWay",
  headingKey: "ways.payoutDocuments.heading",
  whenKey: "ways.payoutDocuments.when",
  stepKeys: [
    "helpCenterTicket.steps.openHelpCenter",
    "ways.payoutDocuments.steps.search",
    "helpCenterTicket.steps.scrollDown",
    "helpCenterTicket.steps.submitRequest",
    "ways.payoutDocuments.steps.attach",
    "helpCenterTicket.steps.send",
  ],
  sources: ["splArticle", "sellerSupportNavigation"],
  onlyFor: ["payout"],
};

const SELLER_CENTER_TO_HELP_CENTER = [
  "path.sellerCenter",
  "path.profile",
  "path.helpAndSupport",
  "path.helpCenter",
] as const;

export const GUIDES: Readonly<Record<GuideChannel, Guide>> = {
  live_chat: {
    channel: "live_chat",
    titleKey: "liveChat.title",
    introKey: "liveChat.intro",
    sources: ["splArticle", "sellerSupportNavigation", "customerServiceArticle"],
    lastChecked: "2025-07-11",
    sections: [
      {
        kind: "list",
        headingKey: "common.whenToUse",
        itemKeys: ["liveChat.when.accountProblems", "liveChat.when.timeSensitive"],
      },
      {
        kind: "list",
        headingKey: "common.steps",
        ordered: true,
        itemKeys: [
          "liveChat.steps.openSellerCenter",
          "liveChat.steps.logIn",
          "liveChat.steps.findChatIcon",
          "liveChat.steps.openChat",
          "liveChat.steps.chooseCategory",
          "liveChat.steps.chatWithAgent",
        ],
      },
      {
        kind: "path",
        headingKey: "liveChat.otherWayIn",
        segmentKeys: [...SELLER_CENTER_TO_HELP_CENTER, "path.contactTikTok", "path.chatWithUs"],
      },
      { kind: "note", tone: "info", textKey: "common.pasteSummary" },
      HELP_CENTER_LIVE_CHAT,
      PAYOUT_DOCUMENTS_TICKET,
      { ...PHONE, onlyFor: ["payout"] },
    ],
  },

  help_center_ticket: {
    channel: "help_center_ticket",
    titleKey: "helpCenterTicket.title",
    introKey: "helpCenterTicket.intro",
    sources: ["splArticle"],
    lastChecked: "2025-07-11",
    sections: [
      {
        kind: "list",
        headingKey: "common.whenToUse",
        itemKeys: ["helpCenterTicket.when.complexProblems", "helpCenterTicket.when.documents"],
      },
      {
        kind: "list",
        headingKey: "common.steps",
        ordered: true,
        itemKeys: [
          "helpCenterTicket.steps.openHelpCenter",
          "helpCenterTicket.steps.searchArticle",
          "helpCenterTicket.steps.scrollDown",
          "helpCenterTicket.steps.submitRequest",
          "helpCenterTicket.steps.fillForm",
          "helpCenterTicket.steps.send",
        ],
      },
      {
        kind: "fields",
        headingKey: "helpCenterTicket.fieldsHeading",
        fields: [
          { labelKey: "fields.shopName", fills: "shopName" },
          { labelKey: "fields.tiktokUsername", fills: "tiktokUsername" },
          { labelKey: "fields.description", fills: "description" },
          { labelKey: "fields.orderIdIfApplicable", fills: "orderId" },
          { labelKey: "fields.screenshots" },
        ],
      },
      {
        kind: "path",
        headingKey: "helpCenterTicket.ticketLog.heading",
        segmentKeys: ["path.sellerCenter", "path.helpCenter", "path.ticketLog"],
      },
      {
        kind: "list",
        headingKey: "helpCenterTicket.ticketLog.filtersHeading",
        itemKeys: [
          "helpCenterTicket.ticketLog.filters.ticketNumber",
          "helpCenterTicket.ticketLog.filters.creationDate",
          "helpCenterTicket.ticketLog.filters.status",
        ],
      },
    ],
  },

  email: {
    channel: "email",
    titleKey: "email.title",
    introKey: "email.intro",
    sources: ["splArticle", "customerServiceArticle", "shippingContactsArticle"],
    lastChecked: "2025-07-11",
    sections: [
      {
        kind: "regions",
        headingKey: "email.regions.heading",
        rows: [
          { row: "usUkGlobal", regionKey: "email.regions.usUkGlobal", address: SELLER_SUPPORT_EMAIL },
          {
            row: "southEastAsiaOther",
            regionKey: "email.regions.southEastAsiaOther",
            alternativeKey: "email.regions.useChatOrTicket",
          },
        ],
      },
      IN_APP_REPORT,
      {
        kind: "fields",
        headingKey: "email.includeHeading",
        fields: [
          { labelKey: "fields.subject" },
          { labelKey: "fields.tiktokShopUsername", fills: "tiktokUsername" },
          { labelKey: "fields.shopifyStoreName", fills: "shopName" },
          { labelKey: "fields.description", fills: "description" },
          { labelKey: "fields.orderNumberIfApplicable", fills: "orderId" },
          { labelKey: "fields.screenshots" },
        ],
      },
      { kind: "mailto" },
      // SPL's article says 1–3 business days. "How to Contact TikTok Shop Customer Service" promises
      // 24–48 h for an address it shows obfuscated: an editor's doubt, not something a merchant can act on.
      { kind: "note", tone: "info", textKey: "email.responseTime", values: { min: 1, max: 3 } },
      PHONE,
      SOCIAL_ACCOUNTS,
    ],
  },

  carrier: {
    channel: "carrier",
    titleKey: "carrier.title",
    introKey: "carrier.intro",
    sources: ["shippingContactsArticle"],
    lastChecked: "2026-11-23",
    sections: [
      { kind: "trackingLookup" },
      { kind: "carrierTable" },
      { kind: "note", tone: "warning", textKey: "carrier.phoneNumbersNote" },
      {
        kind: "definitions",
        headingKey: "carrier.issues.heading",
        items: [
          { termKey: "carrier.issues.delayed.term", descriptionKey: "carrier.issues.delayed.description" },
          { termKey: "carrier.issues.lost.term", descriptionKey: "carrier.issues.lost.description" },
          {
            termKey: "carrier.issues.wrongAddress.term",
            descriptionKey: "carrier.issues.wrongAddress.description",
          },
          { termKey: "carrier.issues.customs.term", descriptionKey: "carrier.issues.customs.description" },
          { termKey: "carrier.issues.damaged.term", descriptionKey: "carrier.issues.damaged.description" },
        ],
      },
      {
        kind: "list",
        headingKey: "carrier.tips.heading",
        itemKeys: [
          "carrier.tips.track",
          "carrier.tips.document",
          "carrier.tips.whatToSend",
          "carrier.tips.persist",
          "carrier.tips.policies",
          "carrier.tips.sellerSupport",
        ],
      },
    ],
  },

  help_center: {
    channel: "help_center",
    titleKey: "helpCenter.title",
    introKey: "helpCenter.intro",
    sources: ["sellerSupportNavigation", "customerServiceArticle", "shippingContactsArticle"],
    lastChecked: "2026-11-23",
    sections: [
      {
        kind: "list",
        headingKey: "common.whenToUse",
        itemKeys: ["helpCenter.when.returnWindow", "helpCenter.when.taxId", "helpCenter.when.refund"],
      },
      {
        kind: "list",
        headingKey: "helpCenter.offersHeading",
        itemKeys: ["helpCenter.offers.faqs", "helpCenter.offers.policies", "helpCenter.offers.tutorials"],
      },
      { kind: "path", headingKey: "common.whereToFindIt", segmentKeys: SELLER_CENTER_TO_HELP_CENTER },
      {
        kind: "list",
        headingKey: "common.steps",
        ordered: true,
        itemKeys: ["helpCenter.steps.search", "helpCenter.steps.contactUs"],
      },
      IN_APP_REPORT,
      SOCIAL_ACCOUNTS,
    ],
  },

  seller_community: {
    channel: "seller_community",
    titleKey: "sellerCommunity.title",
    introKey: "sellerCommunity.intro",
    sources: ["sellerSupportNavigation"],
    lastChecked: "2026-11-23",
    sections: [
      {
        kind: "definitions",
        headingKey: "sellerCommunity.usesHeading",
        items: [
          {
            termKey: "sellerCommunity.uses.learning.term",
            descriptionKey: "sellerCommunity.uses.learning.description",
          },
          {
            termKey: "sellerCommunity.uses.official.term",
            descriptionKey: "sellerCommunity.uses.official.description",
          },
          {
            termKey: "sellerCommunity.uses.tiko.term",
            descriptionKey: "sellerCommunity.uses.tiko.description",
          },
          {
            termKey: "sellerCommunity.uses.peers.term",
            descriptionKey: "sellerCommunity.uses.peers.description",
          },
          {
            termKey: "sellerCommunity.uses.elevated.term",
            descriptionKey: "sellerCommunity.uses.elevated.description",
          },
        ],
      },
      {
        kind: "list",
        headingKey: "common.whereToFindIt",
        itemKeys: ["sellerCommunity.access"],
      },
    ],
  },
};

/** The sections a category's page shows of a guide: those meant for every category, and its own. */
export function sectionsFor(guide: Guide, category: CategoryId): readonly GuideSection[] {
  return guide.sections.filter(
    (section) => section.kind !== "otherWay" || !section.onlyFor || section.onlyFor.includes(category),
  );
}

export function isGuideChannel(channel: Channel): channel is GuideChannel {
  return Object.hasOwn(GUIDES, channel);
}

/** The guides for a category, in taxonomy order: the first is the recommended one. */
export function guidesFor(category: CategoryId): readonly Guide[] {
  return channelsOf(category)
    .filter(isGuideChannel)
    .map((channel) => GUIDES[channel]);
}
