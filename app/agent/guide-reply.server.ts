import { buildCaseSummary } from "~/support/guides/case-summary";
import { guidesFor, type Guide } from "~/support/guides/content";
import { guidePath } from "~/support/guides/guide-link";
import { createI18n } from "~/i18n/i18n";
import { resolveLocale } from "~/i18n/locales";
import { resourcesFor } from "~/i18n/resources.server";
import type { CategoryId } from "~/support/taxonomy";

interface MisroutedTicket {
  locale: string;
  description: string;
  shopName: string;
  tiktokUsername: string | null;
  orderId: string | null;
}

/** A guide's steps as plain lines: its lists item by item, its menu paths as "A › B › C". */
function stepsOf(guide: Guide, t: (key: string) => string): string[] {
  return guide.sections.flatMap((section) => {
    if (section.kind === "list") return section.itemKeys.map((key) => `- ${t(key)}`);
    if (section.kind === "path") return [`- ${section.segmentKeys.map((key) => t(key)).join(" › ")}`];
    return [];
  });
}

/**
 * The reply that answers a problem TikTok must solve, in the merchant's language: the recommended
 * channel's steps, the other channels, the case summary to paste there, and the guide's link.
 */
export function guideReply(ticket: MisroutedTicket, category: CategoryId): string {
  const locale = resolveLocale(ticket.locale);
  const i18n = createI18n(locale, resourcesFor(locale, ["guides", "support", "agent"]));
  const guides = (key: string) => i18n.t(key, { ns: "guides" });
  const [recommended, ...others] = guidesFor(category);
  const categoryLabel = i18n.t(`categories.${category}.label`, { ns: "support" });
  const lines = [i18n.t("guideReply.intro", { ns: "agent", category: categoryLabel })];
  if (recommended) {
    lines.push(
      "",
      `${guides(recommended.titleKey)}`,
      guides(recommended.introKey),
      ...stepsOf(recommended, guides),
    );
  }
  if (others.length > 0) {
    lines.push(
      "",
      i18n.t("guideReply.otherChannels", { ns: "agent" }),
      ...others.map((g) => `- ${guides(g.titleKey)}`),
    );
  }
  lines.push(
    "",
    i18n.t("guideReply.summary", { ns: "agent" }),
    buildCaseSummary(
      {
        description: ticket.description,
        categoryLabel,
        shopName: ticket.shopName,
        tiktokUsername: ticket.tiktokUsername ?? undefined,
        orderId: ticket.orderId ?? undefined,
        locale,
      },
      guides,
    ),
    "",
    i18n.t("guideReply.link", { ns: "agent" }),
    guidePath(category),
  );
  return lines.join("\n");
}
